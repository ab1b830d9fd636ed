"""The database goes away: every page is our 503 with Retry-After (JSON for JSON clients), each
failure one log line, and the same gunicorn workers serve again once it is back."""

import json
import logging
import sqlite3
from contextlib import closing

import pytest
from django.db import OperationalError, ProgrammingError, connection

from bench.faults.outage import REQUESTS, PostgresCut, SqliteMoved, unexpected_in_outage
from bench.faults.processes import SEEDS, Server, collect_static, must
from readouts.views import pages
from readouts.views.unavailable import RETRY_AFTER_SECONDS

from .factories import make_call, make_official
from .test_concurrency import database_url
from .test_production import PRODUCTION_ENV
from .test_production import manage as manage_in_a_fresh_process

RETRY_AFTER = str(RETRY_AFTER_SECONDS)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The production settings serve hashed static names: collect them once for the session."""
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


# Probed in a fresh interpreter whose DATABASE_URL points where no database answers.
PROBE = """
import json
from django.test import Client
client = Client(raise_request_exception=False)
for path, headers in json.loads({requests!r}):
    r = client.get(path, headers=headers, secure=True)
    print(json.dumps([path, headers, r.status_code, r.get("Retry-After"), r["Content-Type"],
                      r.get("Cache-Control"), r.content.decode()]))
"""
PROBED = [
    ("/", {}),
    ("/", {"Accept-Language": "fr"}),
    ("/calls/some-call/", {}),
    ("/?format=json", {}),
    ("/api/v1/calls/", {}),
    ("/statements/", {"Accept": "application/json"}),
    ("/?format=csv", {}),
    ("/feed/", {}),
]


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-folder/archive.sqlite3",
        "postgres://archive@127.0.0.1:1/archive",  # nothing listens on port 1
    ],
    ids=["sqlite-unreadable", "postgres-refused"],
)
def test_with_no_database_every_page_is_our_503_with_retry_after(
    database_url, static_root, tmp_path
):
    env = {
        **PRODUCTION_ENV,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(static_root),
        # On SQLite the cache's folder is beside the file by default: the API's rate limit
        # would create /nonexistent-folder, and the next SQLite connection a database in it.
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
    }
    probe = PROBE.format(requests=json.dumps(PROBED))
    result = manage_in_a_fresh_process("shell", "--no-imports", "-c", probe, env=env)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(answers) == len(PROBED)
    for path, headers, status, retry_after, content_type, cache_control, body in answers:
        assert (status, retry_after) == (503, RETRY_AFTER), (path, headers)
        assert cache_control == "no-store"
        assert "Traceback" not in body and "Something went wrong" not in body
        if path.startswith("/api/") or "json" in path or headers.get("Accept"):
            assert content_type == "application/json"
            assert json.loads(body) == {
                "detail": "The archive's database is not answering. Please try again shortly."
            }
    english, french, call_page = answers[0][-1], answers[1][-1], answers[2][-1]
    for page in (english, call_page):
        assert "<h1>Temporarily unavailable</h1>" in page
        assert "Please try again shortly." in page
        assert 'rel="stylesheet"' in page  # the site's own page, with its style
    assert "<h1>Temporairement indisponible</h1>" in french
    assert 'lang="fr"' in french
    # Each failure is one line naming its cause, and no traceback.
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "database unavailable" in line]
    assert len(lines) == len(PROBED)
    assert all(" ERROR readouts.views.unavailable 503 GET " in line for line in lines)


def test_a_query_that_fails_for_want_of_the_database_is_a_503_logged_once(
    client, db, monkeypatch, caplog
):
    def unreachable(view):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(pages.TopicListView, "get_queryset", unreachable)
    client.raise_request_exception = False
    with caplog.at_level(logging.INFO):
        response = client.get("/topics/", secure=True)
    assert response.status_code == 503
    assert response["Retry-After"] == RETRY_AFTER
    assert "Temporarily unavailable" in response.content.decode()
    (record,) = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert record.getMessage() == (
        "503 GET /topics/: database unavailable "
        "(OperationalError: server closed the connection unexpectedly)"
    )
    assert record.exc_info is None


@pytest.mark.parametrize(
    "error",
    [
        ProgrammingError("column topic.nonsense does not exist"),
        # SQLite raises OperationalError for a malformed query as well as for a missing file.
        OperationalError('near "selec": syntax error'),
        OperationalError('fts5: syntax error near ""'),
        OperationalError("no such column: nonsense"),
    ],
    ids=["programming-error", "sqlite-syntax", "sqlite-fts5-syntax", "sqlite-no-such-column"],
)
def test_a_bug_in_a_query_is_still_a_500_with_its_traceback(client, db, monkeypatch, caplog, error):
    def broken(view):
        raise error

    monkeypatch.setattr(pages.TopicListView, "get_queryset", broken)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/topics/", secure=True)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info and record.exc_info[0] is type(error)


def _all_answer(server, expected_status):
    answers = [(path, server.get(path, headers)) for path, headers, _ in REQUESTS]
    assert [(path, a.status) for path, a in answers] == [(p, expected_status) for p, _ in answers]
    return answers


def _assert_our_503s(server, rounds):
    """Every kind of request during the outage, ``rounds`` times; returns how many 503s."""
    served = 0
    for _ in range(rounds):
        for path, headers, kind in REQUESTS:
            answer = server.get(path, headers)
            assert unexpected_in_outage(answer, kind) is None, (path, answer)
            assert answer.headers["retry-after"] == RETRY_AFTER
            served += 1
    return served


def _one_line_per_503(server, served):
    lines = [line for line in server.errors if "database unavailable" in line]
    assert len(lines) == served
    assert not [line for line in server.errors if "Traceback" in line]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: the proxy stands in front of it"
)
@pytest.mark.django_db(transaction=True)
def test_the_same_workers_serve_again_when_postgresql_comes_back(static_root):
    make_call("2024-04-03", [make_official("Ilham Aliyev", "AZ"), make_official("Antony Blinken")])
    fault = PostgresCut(database_url())  # the test database, behind a proxy
    proxy = fault.proxy
    server = Server(fault.app_url, static_root)
    try:
        server.wait_until_up()
        workers = server.worker_pids()
        assert len(workers) == 2
        home = _all_answer(server, 200)[0][1]
        assert "Ilham Aliyev" in home.body

        # A server restarted at once: the health check finds each broken connection and
        # reconnects before the query, so no reader sees it.
        proxy.drop()
        _all_answer(server, 200)

        proxy.cut()
        served = _assert_our_503s(server, rounds=5)
        proxy.restore()

        assert "Ilham Aliyev" in _all_answer(server, 200)[0][1].body

        # A failover behind an address that still takes connections, and never answers: the
        # settings' connect_timeout (5 s) ends the wait before gunicorn kills the worker (30 s).
        proxy.freeze()
        for path, headers, kind in REQUESTS[:2]:
            answer = server.get(path, headers)
            assert unexpected_in_outage(answer, kind) is None, (path, answer)
            assert answer.ms < 15_000
            served += 1
        proxy.restore()

        _all_answer(server, 200)
        assert server.worker_pids() == workers
        assert server.answered_by() <= workers
    finally:
        server.stop()
        fault.close()
    _one_line_per_503(server, served)


@pytest.fixture
def sqlite_archive(tmp_path):
    """A SQLite archive of its own (the seed readouts), which the tests move and lock."""
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    must(url, "migrate", "--no-input", "-v0")
    must(url, "load_readouts", str(SEEDS))  # pages that read rows, not only cached counts
    return url


def test_a_write_lock_held_on_sqlite_does_not_stop_the_pages(sqlite_archive, static_root):
    """A long write or a backup holding the write lock: in WAL mode readers read on, with no
    wait, from the same workers."""
    fault = SqliteMoved(sqlite_archive)
    with Server(sqlite_archive, static_root) as server:
        workers = server.worker_pids()
        _all_answer(server, 200)
        with fault.harmless():
            writer = closing(sqlite3.connect(fault.path, timeout=0))
            with writer, pytest.raises(sqlite3.OperationalError, match="locked"):
                writer.thing.execute("BEGIN IMMEDIATE")  # the lock is held
            answers = _all_answer(server, 200)
        # No reader waited for the lock (a writer would, up to DJANGO_SQLITE_TIMEOUT, 20 s).
        assert all(answer.ms < 5_000 for _, answer in answers)
        assert server.worker_pids() == workers
        assert server.answered_by() <= workers
    assert not [line for line in server.errors if "database unavailable" in line]


def test_a_sqlite_file_moved_away_is_a_503_and_served_at_once_when_it_is_back(
    sqlite_archive, static_root
):
    """Open connections keep the file they opened; one opened while it is away finds an empty
    database at the path (our 503), and is closed, so the file put back is read at once."""
    fault = SqliteMoved(sqlite_archive)  # connections live 2 s; cut() waits that out
    with Server(sqlite_archive, static_root, **fault.settings) as server:
        workers = server.worker_pids()
        _all_answer(server, 200)

        fault.cut()
        served = _assert_our_503s(server, rounds=2)
        fault.restore()

        _all_answer(server, 200)
        assert server.worker_pids() == workers
        assert server.answered_by() <= workers
    _one_line_per_503(server, served)
