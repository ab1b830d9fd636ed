"""The consistency check of ``make faults`` and ``tests/test_faults.py``, run in the archive's
own settings (``DATABASE_URL``): ``python bench/faults/check.py`` prints one JSON object.

``problems`` is ``readouts.writing.consistency.problems()`` (rows, derived facts, search rows);
the counts say what is there (to find duplicates against what was loaded), and
``served_count`` is the call count the site serves (from its cache) on the unfiltered list:
equal to ``calls`` once no load is owed (``readouts.cache``).
"""

import json
import os
import sys
import warnings

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
warnings.filterwarnings("ignore", "No directory at")  # whitenoise, without collectstatic
django.setup()

from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from readouts.models import Call, Readout, Statement  # noqa: E402
from readouts.writing.consistency import problems  # noqa: E402


def report() -> dict:
    response = Client(HTTP_HOST="127.0.0.1").get("/?format=json", secure=True)
    served = response.json()["count"] if response.status_code == 200 else None
    return {
        "problems": problems(),
        "calls": Call.objects.count(),
        "demo_calls": Call.objects.filter(is_demo=True).count(),
        "readouts": Readout.objects.count(),
        "demo_readouts": Readout.objects.filter(call__is_demo=True).count(),
        "statements": Statement.objects.count(),
        # A slug or a text stored twice (the unique constraints should make these zero).
        "duplicate_slugs": Call.objects.values("slug")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
        "duplicate_texts": Readout.objects.values("content_hash")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
        "served_count": served,
    }


if __name__ == "__main__":
    print(json.dumps(report()))
