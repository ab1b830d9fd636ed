"""Public pages kept whole for repeat requests, until the archive next changes.

A first request for a URL is answered from the database (the pages are built to be fast then);
a repeat (a reader going back, a shared link, a crawler, the readers beside a bulk load) gets the
page rendered the first time, kept under the archive version like every other cached entry, so
the next committed write (or a deploy's ``migrate``, ``apps.py``) retires it. The pages live in
their own cache (``settings.CACHES["pages"]``): one entry per URL asked for, culled among
themselves, never pushing out the archive version or the counts the writes prepare.

The kept page is the view's own response: the middleware still adds its headers (language,
security, CSP) to each answer. A page depends only on its URL, the host it was asked on
(absolute links, citations), the interface language and the day (a call's citation says when
it was accessed); ``keepable`` refuses one that the view made for its visitor. A kept page is
served only while the database answers: in an outage every page is the 503.
"""

import functools
import hashlib
import io
import logging
import zlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import get_language

from .. import cache
from .health import probe

logger = logging.getLogger(__name__)

# A page of a rare filter set need not outlive the day it was asked for.
PAGE_TIMEOUT = 6 * 3600


def kept_for_repeats(view):
    @functools.wraps(view)
    def serve(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        pages = caches["pages"]
        key = page_key(request)
        version, kept = cache.lookup(key, store=pages)
        if kept is not cache.MISSING:
            if not isinstance(pages, DatabaseCache):  # else the lookup itself asked the database
                probe()
            return served(kept)
        response = view(request, *args, **kwargs)

        def keep_if_keepable(page):
            if keepable(request, page):
                keep_page(pages, key, version, page)

        if hasattr(response, "add_post_render_callback"):  # a TemplateResponse, unrendered
            response.add_post_render_callback(keep_if_keepable)
        else:
            keep_if_keepable(response)
        return response

    return serve


def prepare_front_page() -> None:
    """The home page kept for the site's own address (``settings.SITE_URL``) in each interface
    language, once a write commits (``cache.prepare_after_writes``): what every visitor sees
    first is not rendered by one of them. An address the site does not serve
    (``ALLOWED_HOSTS``) is left alone, and a page that cannot be rendered here (static files
    not collected on the host that ran the write) is logged and left to its first visitor."""
    site = urlsplit(settings.SITE_URL)
    path = reverse("call-list")
    home = resolve(path).func  # the view as ``kept_for_repeats`` wraps it
    for language, _name in settings.LANGUAGES:
        request = WSGIRequest(
            {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": path,
                "QUERY_STRING": "",
                "HTTP_HOST": site.netloc,
                "SERVER_NAME": site.hostname or "",
                "SERVER_PORT": str(site.port or (443 if site.scheme == "https" else 80)),
                "wsgi.url_scheme": site.scheme,
                "wsgi.input": io.BytesIO(),
            }
        )
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = language
        with translation.override(language):
            try:
                home(request)
            except DisallowedHost:
                return  # not an address this site serves
            except Exception:  # ahead of time is a bonus: the write stands either way
                logger.warning(
                    "The home page was not prepared: its first visitor will render it",
                    exc_info=True,
                )
                return


def page_key(request) -> str:
    """What a public page depends on: the URL as asked (host and scheme included, for absolute
    links), the interface language, and the day (a citation's "accessed" date)."""
    page = "\n".join(
        (request.build_absolute_uri(), get_language() or "", timezone.localdate().isoformat())
    )
    return f"page:{hashlib.sha256(page.encode()).hexdigest()[:40]}"


def keepable(request, response) -> bool:
    """A success every visitor may be given: not streamed (a CSV export), setting no cookie,
    and made without anything of its visitor's (a CSRF token, the session, messages, or a
    response marked private)."""
    messages = getattr(request, "_messages", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "session", None), "accessed", False)
        and not getattr(messages, "used", False)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def keep_page(pages, key, version, response) -> None:
    """The page's status, headers and compressed body: a tenth of its size in the cache (a
    page of a hundred calls is ~80 KB of HTML), so keeping it costs a first visit little."""
    body = zlib.compress(response.content, 1)
    page = (response.status_code, list(response.headers.items()), body)
    cache.keep(key, version, page, timeout=PAGE_TIMEOUT, store=pages)


def served(page) -> HttpResponse:
    """A kept page as a fresh response, for the middleware to finish."""
    status, headers, body = page
    response = HttpResponse(zlib.decompress(body), status=status)
    for name, value in headers:
        response.headers[name] = value
    return response
