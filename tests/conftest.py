"""Shared fixtures: the reference vocabulary and small factories that go through the real ingest."""

from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from readouts.cache import archive_version
from readouts.writing import ingest
from readouts.writing.reference import sync_reference_data

from .admin_helpers import make_editor
from .queries import page_sql

ROOT = Path(__file__).resolve().parent.parent
# The two seed readouts (French, from the Azerbaijani presidency): tests that count calls use
# these, not fixtures/readouts/, which holds every real readout `make run` loads.
SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
# Real English readouts from the US side, with their expected extraction beside them.
SAMPLES = sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests run with debug off but without ``collectstatic``: serve static names unhashed."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fresh_cache(request):
    """The caches (tables on PostgreSQL, files on SQLite) outlive test flushes: start each
    test without them.

    The archive version is set again at once, as on any site that has served a page.
    """
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if not (marker or names & {"db", "transactional_db", "live_server"}):
        return
    transactional = names & {"transactional_db", "live_server"} or (
        marker and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    cache.clear()
    caches["pages"].clear()
    archive_version()


@pytest.fixture
def vocabulary(db):
    """Offices, officials and topics from the fixtures, as ``load_readouts`` sees them."""
    sync_reference_data()


@pytest.fixture
def load(vocabulary):
    """Ingest a text (or a file path) through the one writer; returns the IngestResult."""

    def _load(text_or_path, **options):
        if isinstance(text_or_path, Path):
            options.setdefault("source", text_or_path.name)
            return ingest.ingest_bytes(text_or_path.read_bytes(), **options)
        return ingest.ingest_text(text_or_path, **options)

    return _load


@pytest.fixture
def seeds(load):
    return [load(path) for path in SEEDS]


@pytest.fixture
def plain_http(settings):
    """The suite runs with debug off; admin tests speak plain HTTP, as behind the TLS proxy."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture
def editor(django_user_model):
    """A staff user in the "Editors" group, as the data migration sets it up."""
    return make_editor(django_user_model)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(scope="session", autouse=True)
def private_file_cache(tmp_path_factory):
    """On SQLite the cache is a folder beside the database file: the session's own, not the
    checkout's (which a development server may be using)."""
    if settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        location = tmp_path_factory.mktemp("cache")
        with override_settings(
            CACHES={
                "default": {**settings.CACHES["default"], "LOCATION": location},
                "pages": {**settings.CACHES["pages"], "LOCATION": location / "pages"},
            }
        ):
            yield
    else:
        yield


@pytest.fixture(scope="session", autouse=True)
def dataset_root(tmp_path_factory):
    """``/data/`` writes its files under the session's temporary folder, not in the checkout."""
    with override_settings(DATASET_ROOT=tmp_path_factory.mktemp("dataset")):
        yield


@pytest.fixture
def max_page_queries():
    """``django_assert_max_num_queries`` for a page's own SQL (``queries.page_sql``); the list
    it yields holds that SQL once the block ends."""

    @contextmanager
    def at_most(limit):
        own = []
        with CaptureQueriesContext(connection) as captured:
            yield own
        own.extend(page_sql(captured.captured_queries))
        assert len(own) <= limit, f"{len(own)} queries, more than {limit}:\n" + "\n".join(own)

    return at_most
