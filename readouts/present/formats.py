"""The list pages as data: paginated JSON with counts and links, or the whole result as CSV.

JSON calls use ``export.call_to_dict`` (the ``export_calls`` shape); CSV streams one row per call
or statement, UTF-8 with a byte-order mark so spreadsheets read the accents, and with formula
characters neutralised so a readout cannot run code in someone's spreadsheet. A CSV holds at most
``CSV_MAX_ROWS`` rows: a larger result is a 400, since streaming the whole archive outlasts the
server's request timeout (``manage.py export_calls`` is the way to everything).
"""

import csv

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy

from ..browse.querylinks import QueryLinks
from .export import call_to_dict

FORMATS = ("html", "json", "csv")


def _json(data, status=200) -> JsonResponse:
    """UTF-8 as written (Qarabağ, not \\u-escaped). application/json is UTF-8 by definition
    (RFC 8259 defines no charset parameter), and Django encodes the body as UTF-8."""
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


CSV_CHUNK = 500  # rows fetched, with their prefetches, per round of queries
CSV_MAX_ROWS = 10_000
# OWASP's list: a cell starting with one of these is a formula to Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _page_url(request, number):
    if number is None:
        return None
    query = QueryLinks(request.GET).replaced(page=str(number), format="json")
    return request.build_absolute_uri(request.path + query)


def _page_links(request, page):
    return {
        "count": page.paginator.count,
        "next": _page_url(request, page.next_page_number() if page.has_next() else None),
        "previous": _page_url(
            request, page.previous_page_number() if page.has_previous() else None
        ),
    }


def calls_json(request, page) -> JsonResponse:
    calls = [call_to_dict(call, request.build_absolute_uri) for call in page.object_list]
    return _json({**_page_links(request, page), "calls": calls})


def statement_to_row_dict(request, statement) -> dict:
    return {
        "speaker": statement.speaker.name if statement.speaker else "both",
        "date": statement.readout.call.date.isoformat(),
        "call_url": request.build_absolute_uri(statement.get_absolute_url()),
        "text": statement.text,
        "topics": [topic.slug for topic in statement.topics.all()],
    }


def statements_json(request, page) -> JsonResponse:
    statements = [statement_to_row_dict(request, s) for s in page.object_list]
    return _json({**_page_links(request, page), "statements": statements})


def errors_response(errors: dict, output: str) -> HttpResponse:
    """A 400 that says what was wrong, in the format that was asked for."""
    if output == "json":
        return _json({"errors": errors}, status=400)
    lines = [f"{field}: {message}" for field, messages in errors.items() for message in messages]
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


CALLS_TOO_MANY = gettext_lazy(
    "%(count)s calls match these filters, and a CSV download holds at most %(limit)s. Narrow "
    "the filters (dates, an official, a topic, words), or export the whole archive with "
    "`manage.py export_calls`."
)
STATEMENTS_TOO_MANY = gettext_lazy(
    "%(count)s statements match these filters, and a CSV download holds at most %(limit)s. "
    "Narrow the filters (dates, an official, a topic, words), or export the whole archive with "
    "`manage.py export_calls`."
)


def csv_too_large(count: int, noun: str) -> HttpResponse | None:
    """The 400 for a result over ``CSV_MAX_ROWS``, or None when it fits."""
    if count <= CSV_MAX_ROWS:
        return None
    message = CALLS_TOO_MANY if noun == "calls" else STATEMENTS_TOO_MANY
    return HttpResponse(
        message
        % {
            "count": number_format(count, force_grouping=True),
            "limit": number_format(CSV_MAX_ROWS, force_grouping=True),
        }
        + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


class _Echo:
    """csv.writer writes to this and gets the line back, so rows can be streamed."""

    def write(self, line):
        return line


def _csv_response(header, rows, filename):
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _names(items):
    return "; ".join(items)


CALL_COLUMNS = [
    "url", "date", "date_precision", "participants", "offices", "initiator",
    "topics", "languages", "sides", "publishers", "sources",
]  # fmt: skip


def calls_csv(request, calls) -> HttpResponse:
    if refusal := csv_too_large(calls.count(), "calls"):
        return refusal

    def rows():
        for call in calls.iterator(chunk_size=CSV_CHUNK):
            participants = list(call.participants.all())
            readouts = list(call.readouts.all())
            yield [
                request.build_absolute_uri(call.get_absolute_url()),
                call.date.isoformat(),
                call.date_precision,
                _names(p.official.name for p in participants),
                _names(p.office.slug for p in participants if p.office),
                call.initiator.name if call.initiator else "",
                _names(topic.slug for topic in call.topics.all()),
                _names(sorted({r.language for r in readouts})),
                _names(sorted({r.side for r in readouts if r.side})),
                _names(sorted({r.publisher for r in readouts if r.publisher})),
                _names(r.cited_source for r in readouts if r.cited_source),
            ]

    return _csv_response(CALL_COLUMNS, rows(), "calls.csv")


STATEMENT_COLUMNS = ["call_url", "date", "speaker", "verb_class", "text", "topics"]


def statements_csv(request, statements) -> HttpResponse:
    if refusal := csv_too_large(statements.count(), "statements"):
        return refusal

    def rows():
        for statement in statements.iterator(chunk_size=CSV_CHUNK):
            yield [
                request.build_absolute_uri(statement.get_absolute_url()),
                statement.readout.call.date.isoformat(),
                statement.speaker.name if statement.speaker else "both",
                statement.verb_class,
                statement.text,
                _names(topic.slug for topic in statement.topics.all()),
            ]

    return _csv_response(STATEMENT_COLUMNS, rows(), "statements.csv")
