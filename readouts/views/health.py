"""``/healthz`` for load balancers and uptime checks: 200 when the archive's database answers,
else 503 with ``Retry-After`` like every page in an outage.

The probe reads the migrations table, not ``SELECT 1``: SQLite answers ``SELECT 1`` on the
empty file it creates where a moved or lost database used to be, while every page fails.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .unavailable import RETRY_AFTER_SECONDS, describe

logger = logging.getLogger(__name__)


def probe() -> None:
    """Raise the database's error unless the archive's database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
        cursor.fetchone()


@never_cache
@require_safe
def healthz(request):
    try:
        probe()
    except DatabaseError as error:
        # As after a failed page (unavailable.server_error): the next probe opens the database
        # afresh, so a worker the load balancer took out of rotation comes back with it.
        connection.close()
        # One line a probe: a load balancer asks every few seconds, and the cause is the same.
        logger.error("health check: the database did not answer (%s)", describe(error))
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok\n", content_type="text/plain")
