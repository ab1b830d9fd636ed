"""How to cite a call or a single statement: a plain-text line, BibTeX and RIS.

The archive cites the readout as its publisher published it, with our permalink as the place
it was read and the date it was accessed, so a citation stays checkable after a source moves.
A citation is written in English whatever the interface language, the same on the page as in
its BibTeX and RIS files (names, dates and words are never mixed from two languages).
"""

import datetime as dt
from dataclasses import dataclass

import rispy
from django.utils import translation

from ..models import Call, DatePrecision
from .wording import call_date, join_names, participant_names

SITE_NAME = "Readout Archive"
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


@dataclass(frozen=True)
class Citation:
    key: str
    publisher: str
    title: str
    date: dt.date
    date_text: str
    precise_to_day: bool
    url: str
    accessed: dt.date
    sources: tuple[str, ...] = ()  # where the publisher put the text: a URL, else a file name

    def text(self):
        """ "Publisher. "Title". 17 May 2021. Source: SOURCE. Readout Archive, URL
        (accessed 23 November 2026)."."""
        accessed = f"{self.accessed.day} {self.accessed:%B %Y}"
        author = f"{self.publisher}. " if self.publisher else ""
        original = f"Source: {'; '.join(self.sources)}. " if self.sources else ""
        return (
            f"{author}“{self.title}”. {self.date_text}. {original}{SITE_NAME}, "
            f"{self.url} (accessed {accessed})."
        )

    def bibtex(self):
        fields = [("author", "{" + bibtex_escape(self.publisher) + "}")] if self.publisher else []
        fields += [
            ("title", bibtex_escape(self.title)),
            ("year", str(self.date.year)),
            ("month", self.date.strftime("%b").lower()),
        ]
        if self.precise_to_day:
            fields.append(("day", str(self.date.day)))
        fields += [
            ("howpublished", bibtex_escape(SITE_NAME)),
            ("url", self.url),
            ("urldate", self.accessed.isoformat()),
        ]
        if self.sources:
            fields.append(("note", "Source: " + bibtex_escape("; ".join(self.sources))))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def ris(self):
        day = f"{self.date.day:02d}" if self.precise_to_day else ""
        record = {
            "type_of_reference": "ELEC",
            "title": self.title,
            "date": f"{self.date:%Y/%m}/{day}/",
            "year": str(self.date.year),
            "secondary_title": SITE_NAME,
            "urls": [self.url],
            "access_date": self.accessed.strftime("%Y/%m/%d"),
        }
        if self.sources:
            record["notes"] = ["Source: " + "; ".join(self.sources)]
        if self.publisher:
            record.update(authors=[self.publisher], publisher=self.publisher)
        return rispy.dumps([record], implementation=_UnnumberedRisWriter)


class _UnnumberedRisWriter(rispy.RisWriter):
    """rispy numbers records ("1."); reference managers expect a file that starts with TY."""

    def set_header(self, count):
        return ""


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in " ".join(text.split()))


def call_title(call: Call):
    """The headline of the first readout, or a description built from the record."""
    for readout in call.readouts.all():
        if readout.headline:
            return readout.headline
    return f"Telephone call between {participant_names(call)}, {call_date(call)}"


def publishers(call: Call):
    """Every publisher of the call's readouts; empty when none was recorded (never invented)."""
    names = []
    for readout in call.readouts.all():
        if readout.publisher_name and readout.publisher_name not in names:
            names.append(readout.publisher_name)
    return join_names(names)


@translation.override("en")
def cite_call(call: Call, absolute_url, accessed: dt.date):
    """``call`` must come from ``Call.objects.with_related()``; ``absolute_url`` builds URLs."""
    return Citation(
        key=f"readout-{call.slug}",
        publisher=publishers(call),
        title=call_title(call),
        date=call.date,
        date_text=call_date(call),
        precise_to_day=call.date_precision == DatePrecision.DAY,
        url=absolute_url(call.get_absolute_url()),
        accessed=accessed,
        sources=tuple(r.cited_source for r in call.readouts.all() if r.cited_source),
    )


@translation.override("en")
def cite_statements(call: Call, absolute_url, accessed: dt.date) -> dict[int, Citation]:
    """Every statement of ``call`` cited, by statement id: a call page cites them all, and what
    they share (the call's title, date and address) is made once for the call. A statement is
    cited as part of its readout, pointing at its anchor on the call page."""
    title = call_title(call)
    date_text = call_date(call)
    url = absolute_url(call.get_absolute_url())
    return {
        statement.pk: Citation(
            key=f"readout-{call.slug}-{statement.anchor}",
            publisher=readout.publisher_name,
            title=f"{title}, statement {statement.order}",
            date=call.date,
            date_text=date_text,
            precise_to_day=call.date_precision == DatePrecision.DAY,
            url=f"{url}#{statement.anchor}",
            accessed=accessed,
            sources=(readout.cited_source,) if readout.cited_source else (),
        )
        for readout in call.readouts.all()
        for statement in readout.statements.all()
    }
