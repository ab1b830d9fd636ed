"""ETag and Last-Modified for every API answer, and 304 Not Modified when nothing changed.

Every answer is a function of the URL and the archive's rows, and ``readouts.cache`` keeps a
stamp that changes after each committed write (a ``time_ns`` timestamp; ``content_stamp``, which
also moves with each commit of a bulk load that keeps the cached pages' version). So the stamp
plus the full path is a strong validator, and a conditional request is answered from one cache
read, before any filter, count or page query runs: a client that polls (or re-runs a
notebook) pays almost nothing while the archive stays as it was.
"""

import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from ..cache import content_stamp


def validators(request) -> tuple[str, int]:
    """(ETag, Last-Modified as a Unix timestamp) for this request's URL at this version."""
    stamp = content_stamp()
    digest = hashlib.sha256(f"{stamp}:{request.get_full_path()}".encode()).hexdigest()[:32]
    return quote_etag(digest), stamp // 1_000_000_000


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
