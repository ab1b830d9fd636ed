"""Requests per address per minute for anonymous clients, counted in the shared cache.

A fixed window (``settings.API_RATE_LIMIT``: 120 requests per 60 s by default) counted in the
cache every gunicorn worker shares (a table on PostgreSQL, files on SQLite: settings.CACHES),
so the limit holds for the site and not per process. Past it the answer is 429 with
``Retry-After``: the seconds until the window ends. A script that waits that long (or one
request every half second) never loses a page.
The address is the one the nearest proxy reported (``REST_FRAMEWORK["NUM_PROXIES"]``). Counts
from concurrent requests may race (a read, then a write), so the limit is
approximate by a request or two; it protects the server, not an accounting.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle


class AnonymousRateLimit(BaseThrottle):
    def allow_request(self, request, view):
        limit, window = settings.API_RATE_LIMIT
        now = time.time()
        start = int(now // window) * window
        address = hashlib.sha256(self.get_ident(request).encode()).hexdigest()[:24]
        key = f"api-limit:{address}:{start}"
        count = cache.get(key, 0) + 1
        cache.set(key, count, timeout=window + 5)
        self.retry_after = max(1, round(start + window - now))
        return count <= limit

    def wait(self):
        return self.retry_after
