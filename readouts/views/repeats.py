"""Public pages kept whole for repeat requests, until the archive next changes.

A first request for a URL is answered from the database (the pages are built to be fast then);
a repeat (a reader going back, a shared link, a crawler, the readers beside a bulk load) gets the
page rendered the first time, kept in the cache under the archive version like every other entry,
so the next committed write retires it. The kept page is the view's own response: the middleware
still adds its headers (language, security, CSP) to each answer.

A page depends only on its URL, the host it was asked on (absolute links, citations), the
interface language and the day (a call's citation says when it was accessed): none shows the
user or carries a CSRF token. Only a 200 that sets no cookie and is not streamed is kept. A
kept page is served only while the database answers (one read of the migrations table, as
``/healthz``): in an outage every page is the 503, also where the cache is files beside SQLite.
"""

import functools
import hashlib
import zlib

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from .. import cache
from .health import probe

# A page of a rare filter set need not outlive the day it was asked for.
PAGE_TIMEOUT = 6 * 3600


def kept_for_repeats(view):
    @functools.wraps(view)
    def serve(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request)
        version, kept = cache.lookup(key)
        if kept is not cache.MISSING:
            probe()  # an outage is a 503 on every page, kept or not (the cache may be files)
            return served(kept)
        response = view(request, *args, **kwargs)
        if keepable(response):
            if hasattr(response, "add_post_render_callback"):  # a TemplateResponse, unrendered
                response.add_post_render_callback(lambda page: keep(key, version, page))
            else:
                keep(key, version, response)
        return response

    return serve


def page_key(request) -> str:
    page = "\n".join(
        (
            request.build_absolute_uri(),
            get_language() or "",
            timezone.localdate().isoformat(),
        )
    )
    return f"page:{hashlib.sha256(page.encode()).hexdigest()[:40]}"


def keepable(response) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


def keep(key, version, response) -> None:
    """The page's status, headers and compressed body: a tenth of its size in the cache table
    (a page of a hundred calls is ~80 KB of HTML), so keeping it costs a first visit little."""
    body = zlib.compress(response.content, 1)
    page = (response.status_code, list(response.headers.items()), body)
    cache.keep(key, version, page, timeout=PAGE_TIMEOUT)


def served(page) -> HttpResponse:
    status, headers, body = page
    response = HttpResponse(zlib.decompress(body), status=status)
    for name, value in headers:
        response.headers[name] = value
    return response
