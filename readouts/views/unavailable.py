"""When the database does not answer, every page is a 503 with ``Retry-After``, not a 500.

Django turns any exception it did not expect into ``handler500``; this handler tells an outage
(the database refused, dropped or timed out a connection, or SQLite's file was locked) from a
bug. An outage is temporary and not the reader's fault: a 503 tells browsers, crawlers and API
clients to come back, and ``Retry-After`` says when. The page renders from the template alone
(no context processor, no cache, no query), so it is served while the database (and the cache,
where it lives in the database) is gone. Each failure is one log line, not a traceback per
request: the cause is the same until the database is back.

The handler does not reconnect: it closes the connection that failed, so the first request
after the database returns opens a new one in the same worker. (PostgreSQL's would be dropped by the
settings' ``conn_health_checks`` anyway; a SQLite connection always passes that check, and
would keep the file it had open, one since moved away or replaced, for ``CONN_MAX_AGE``.)
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.log import log_response
from django.utils.translation import gettext as _
from django.views.defaults import server_error as plain_server_error

logger = logging.getLogger(__name__)

# A PostgreSQL restart or a managed failover takes from a few seconds to about half a minute;
# the worker reconnects on the first request after, so there is nothing to gain by waiting longer.
RETRY_AFTER_SECONDS = 30

# What a database that cannot be reached raises (connection refused, reset, closed, timed out,
# a locked SQLite file); a ProgrammingError or IntegrityError is a bug and stays a 500.
OUTAGES = (OperationalError, InterfaceError)
# SQLite reports a mistake in the SQL itself (a bug of ours, such as a malformed full-text MATCH)
# as an OperationalError too: those stay 500s with their traceback. PostgreSQL reports them as
# ProgrammingError. "no such table" is not among them: it is what an empty file, where a moved
# or lost database was, answers.
SQL_MISTAKES = (
    "syntax error",
    "unrecognized token",
    "no such column",
    "no such function",
    "ambiguous column name",
    "too many sql variables",
    "wrong number of arguments",
    "malformed match expression",
)


def is_outage(error: BaseException | None) -> bool:
    """Did the database fail to answer (503), rather than our query fail (500)?"""
    if not isinstance(error, OUTAGES):
        return False
    message = str(error).lower()
    return not any(mistake in message for mistake in SQL_MISTAKES)


def describe(error: BaseException) -> str:
    """The error's class and the first line of its message, for a one-line log entry."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0].strip()}" if message else type(error).__name__


def _wants(request) -> str:
    """``json`` for the API, ``format=json`` and Accept: application/json; ``text`` for CSV and
    clients that accept no HTML; else ``html``."""
    fmt = request.GET.get("format")
    if request.path.startswith("/api/") or fmt == "json":
        return "json"
    preferred = request.get_preferred_type(["text/html", "application/json", "text/plain"])
    if preferred == "application/json":
        return "json"
    return "html" if preferred == "text/html" and fmt != "csv" else "text"


def unavailable_response(request) -> HttpResponse:
    """Our 503: the page, a JSON ``{"detail": ...}`` or a line of text, never cached."""
    message = _("The archive's database is not answering. Please try again shortly.")
    kind = _wants(request)
    if kind == "json":
        response = JsonResponse(
            {"detail": message}, status=503, json_dumps_params={"ensure_ascii": False}
        )
    elif kind == "text":
        response = HttpResponse(message + "\n", status=503, content_type="text/plain")
    else:
        html = loader.render_to_string("503.html", {"request": request, "message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """``handler500``: a database outage is our 503, logged on one line; anything else is the
    usual 500 page and its traceback."""
    error = sys.exc_info()[1]
    if not is_outage(error):
        return plain_server_error(request)
    for connection in connections.all(initialized_only=True):
        connection.close()
    response = unavailable_response(request)
    # Marks the response as logged, so Django does not log it again with the traceback.
    log_response(
        "503 %s %s: database unavailable (%s)",
        request.method,
        request.get_full_path(),
        describe(error),
        response=response,
        request=request,
        logger=logger,
        level="error",
    )
    return response
