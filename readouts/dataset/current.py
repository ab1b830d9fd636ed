"""The dataset the ``/data/`` page serves: one copy per archive version, written on demand.

The first request after a write builds the files for the new archive version (a few seconds
for the real archive; demo calls are not in it) into a temporary folder beside the others and
renames it into place, so a download never sees half a dataset, and two processes that build
at once keep whichever finished first. Older versions' folders are removed afterwards. The
folder is ``settings.DATASET_ROOT`` (``DJANGO_DATASET_ROOT``), shared by every worker.
"""

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from django.conf import settings

from ..cache import current_version
from .files import write_dataset


def version_time(version: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(version / 1e9, tz=dt.UTC).replace(microsecond=0)


def current_dataset(base_url: str) -> tuple[Path, dt.datetime]:
    """(the folder holding the current version's files, the version's time), built if missing."""
    version = current_version()
    root = Path(settings.DATASET_ROOT)
    folder = root / f"v{version}"
    when = version_time(version)
    if (folder / "datapackage.json").exists():
        return folder, when
    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix="building-", dir=root))
    try:
        write_dataset(building, version=when, base_url=base_url)
        building.rename(folder)
    except OSError:
        if not (folder / "datapackage.json").exists():
            raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for old in root.iterdir():
        if old.is_dir() and old.name.startswith("v") and old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder, when
