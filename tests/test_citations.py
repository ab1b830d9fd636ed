"""Citation text, BibTeX and RIS for calls and statements."""

import datetime as dt

import pytest

from readouts.models import Call
from readouts.present import citations
from tests.factories import make_call, make_official

pytestmark = pytest.mark.django_db

ACCESSED = dt.date(2026, 11, 23)


def absolute(path):
    return f"https://archive.example{path}"


def loaded(call):
    return Call.objects.with_related().get(pk=call.pk)


@pytest.fixture
def officials():
    return make_official("Ilham Aliyev", "AZ"), make_official("Antony Blinken", "US")


def test_call_citation_text(officials):
    call = loaded(make_call("2022-03-16", officials, publisher="us-state-department"))
    citation = citations.cite_call(call, absolute, ACCESSED)
    assert citation.text() == (
        "U.S. Department of State. “Telephone call between Ilham Aliyev and Antony Blinken, "
        f"16 March 2022”. 16 March 2022. Source: {call.slug}.txt. Readout Archive, "
        f"https://archive.example/calls/{call.slug}/ (accessed 23 November 2026)."
    )


def test_a_citation_names_the_publishers_page_when_the_manifest_gave_it(officials):
    call = make_call("2022-03-16", officials, publisher="trend")
    url = "https://en.trend.az/azerbaijan/politics/3325523.html"
    call.readouts.update(source_url=url, relays="az-mfa")
    citation = citations.cite_call(loaded(call), absolute, ACCESSED)
    assert citation.publisher == "Trend News Agency, relaying the Azerbaijani Foreign Ministry"
    assert f"Source: {url}." in citation.text() and f"{call.slug}.txt" not in citation.text()
    assert f"note = {{Source: {url}}}" in citation.bibtex()
    assert f"N1  - Source: {url}" in citation.ris().splitlines()


def test_headline_is_the_title_and_bibtex_escapes_it(officials):
    call = make_call("2022-03-16", officials)
    call.readouts.update(headline="Aliyev & Blinken: 100% {agreement} on #peace_talks")
    citation = citations.cite_call(loaded(call), absolute, ACCESSED)
    bibtex = citation.bibtex()
    assert r"title = {Aliyev \& Blinken: 100\% \{agreement\} on \#peace\_talks}" in bibtex
    # URLs are verbatim in BibTeX (biblatex reads them as such): no escaping there.
    assert f"url = {{https://archive.example/calls/{call.slug}/}}" in bibtex
    assert "urldate = {2026-11-23}" in bibtex
    assert "author = {{President of the Republic of Azerbaijan (president.az)}}" in bibtex


def test_month_precision_has_no_day(officials):
    call = loaded(make_call("2021-05-01", officials, precision="month"))
    citation = citations.cite_call(call, absolute, ACCESSED)
    assert "May 2021." in citation.text() and "1 May 2021" not in citation.text()
    assert "day =" not in citation.bibtex()
    assert "DA  - 2021/05//" in citation.ris().splitlines()


def test_statement_citation_points_at_its_anchor(officials):
    aliyev, _ = officials
    call = loaded(make_call("2022-03-16", officials, statements=[(aliyev, "Un.", [])]))
    statement = call.readouts.all()[0].statements.all()[0]
    citation = citations.cite_statements(call, absolute, ACCESSED)[statement.pk]
    assert citation.url.endswith(f"/calls/{call.slug}/#{statement.anchor}")
    assert citation.title.endswith(", statement 1")
    ris = citation.ris().splitlines()
    assert ris[0] == "TY  - ELEC"
    assert f"UR  - {citation.url}" in ris
    assert "Y2  - 2026/11/23" in ris


def test_several_publishers_are_named_together(officials):
    call = make_call("2022-03-16", officials, publisher="az-presidency")
    other = make_call("2022-03-17", officials, publisher="us-state-department")
    other.readouts.update(call=call)
    citation = citations.cite_call(loaded(call), absolute, ACCESSED)
    assert citation.publisher == (
        "President of the Republic of Azerbaijan (president.az) and U.S. Department of State"
    )


def test_an_unrecorded_publisher_is_left_out_not_invented(officials):
    call = make_call("2021-05-17", officials, publisher="")
    citation = citations.cite_call(loaded(call), absolute, ACCESSED)
    assert citation.text().startswith("“Telephone call between Ilham Aliyev")
    assert "author" not in citation.bibtex()
    assert not any(line.startswith(("AU", "PB")) for line in citation.ris().splitlines())
