"""ETag and Last-Modified for every API answer, and 304 Not Modified when nothing changed.

Every answer is a function of the URL and the archive's rows, and ``readouts.cache`` keeps an
archive version that changes after each committed write (a ``time_ns`` timestamp). So the
version plus the full path is a strong validator, and a conditional request is answered from
one cache read, before any filter, count or page query runs: a client that polls (or re-runs a
notebook) pays almost nothing while the archive stays as it was.
"""

import hashlib

from django.core.cache import cache
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from ..cache import VERSION_KEY, archive_version


def validators(request) -> tuple[str, int]:
    """(ETag, Last-Modified as a Unix timestamp) for this request's URL at this version."""
    version = cache.get(VERSION_KEY) or archive_version()  # one read when the key is there
    digest = hashlib.sha256(f"{version}:{request.get_full_path()}".encode()).hexdigest()[:32]
    return quote_etag(digest), version // 1_000_000_000


class ConditionalMixin:
    """For a DRF view: 304 before the work when the client's copy is current."""

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        etag, modified = validators(request)
        not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
        if not_modified is not None:
            return not_modified
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(modified)
            # Caches may keep a copy but must ask again (cheaply, with the ETag) before using it.
            response["Cache-Control"] = "public, no-cache"
        return response
