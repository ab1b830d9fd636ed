"""The database goes away: every page is our 503 with Retry-After (JSON for JSON clients), each
failure one log line, and the same gunicorn workers serve again once it is back."""

import json
import logging
import re
import sqlite3
import time

import pytest
from django.db import OperationalError, ProgrammingError, connection

from bench.faults.outage import REQUESTS, unexpected_in_outage
from bench.faults.proxy import Proxy
from bench.faults.serving import Server, manage, production_env
from readouts.views import pages
from readouts.views.unavailable import RETRY_AFTER_SECONDS

from .factories import make_call, make_official
from .test_production import PRODUCTION_ENV
from .test_production import manage as manage_in_a_fresh_process

RETRY_AFTER = str(RETRY_AFTER_SECONDS)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The production settings serve hashed static names: collect them once for the session."""
    root = tmp_path_factory.mktemp("static")
    manage(production_env("sqlite:///unused.sqlite3", root), "collectstatic", "--no-input")
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
def test_with_no_database_every_page_is_our_503_with_retry_after(database_url, static_root):
    env = {
        **PRODUCTION_ENV,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(static_root),
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


def test_a_bug_in_a_query_is_still_a_500_with_its_traceback(client, db, monkeypatch, caplog):
    def broken(view):
        raise ProgrammingError("column topic.nonsense does not exist")

    monkeypatch.setattr(pages.TopicListView, "get_queryset", broken)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/topics/", secure=True)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info and record.exc_info[0] is ProgrammingError


def _all_answer(server, expected_status):
    answers = [(path, server.get(path, headers)) for path, headers, _ in REQUESTS]
    assert [(path, a.status) for path, a in answers] == [(p, expected_status) for p, _ in answers]
    return answers


def _served_by(server) -> set[int]:
    return {int(pid) for pid in re.findall(r"^<(\d+)>", "\n".join(server.access), re.M)}


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
    db = connection.settings_dict
    proxy = Proxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)).start()
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@127.0.0.1:{proxy.port}/{db['NAME']}"  # the test database
    server = Server(production_env(url, static_root))
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
        assert _served_by(server) <= workers
    finally:
        server.stop()
        proxy.close()
    _one_line_per_503(server, served)


def test_a_locked_sqlite_file_is_a_503_until_the_lock_is_released(tmp_path, static_root):
    """A long write or a backup holding the file's exclusive lock: readers wait out SQLite's
    busy timeout (5 s), then get our 503; the same workers answer once it is released."""
    path = tmp_path / "archive.sqlite3"
    env = production_env(f"sqlite:///{path}", static_root)
    manage(env, "migrate", "--no-input")
    server = Server(env)
    holder = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        server.wait_until_up()
        workers = server.worker_pids()
        _all_answer(server, 200)

        holder.execute("BEGIN EXCLUSIVE")
        served = _assert_our_503s(server, rounds=1)
        holder.execute("ROLLBACK")

        _all_answer(server, 200)
        assert server.worker_pids() == workers
        assert _served_by(server) <= workers
    finally:
        holder.close()
        server.stop()
    _one_line_per_503(server, served)


def test_a_sqlite_file_moved_away_is_a_503_and_served_at_once_when_it_is_back(
    tmp_path, static_root
):
    """Open connections keep the file they opened; one opened while it is away finds an empty
    database at the path (our 503), and is closed, so the file put back is read at once."""
    path = tmp_path / "archive.sqlite3"
    env = {**production_env(f"sqlite:///{path}", static_root), "DJANGO_CONN_MAX_AGE": "2"}
    manage(env, "migrate", "--no-input")
    server = Server(env)
    try:
        server.wait_until_up()
        workers = server.worker_pids()
        _all_answer(server, 200)

        path.rename(tmp_path / "moved.sqlite3")
        time.sleep(2.5)  # the workers' connections are now past their age: they reconnect
        served = _assert_our_503s(server, rounds=2)
        (tmp_path / "moved.sqlite3").replace(path)

        _all_answer(server, 200)
        assert server.worker_pids() == workers
    finally:
        server.stop()
    _one_line_per_503(server, served)
