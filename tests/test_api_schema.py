"""The API is tested by its own OpenAPI document: schemathesis against the live app.

Its CLI generates requests for every operation in ``/api/v1/schema.json`` (examples, the
boundaries of each parameter, then random values; valid and invalid alike) and checks each
answer: no 5xx, a status code the document lists, the content type and headers it gives, and a
body its schema accepts. The run is bounded (``MAX_EXAMPLES`` per operation, one worker, a
fixed seed) to take well under a minute on SQLite or PostgreSQL. The summary it prints shows
with ``pytest -s``.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .list_world import build_archive, plain_http_fixture  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)
MAX_EXAMPLES = 20
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


def test_schemathesis_finds_no_server_error_and_nothing_the_schema_does_not_say(
    live_server, settings, tmp_path
):
    settings.API_RATE_LIMIT = (1_000_000, 60)  # the limit has its own test; this one fuzzes
    build_archive()
    run = subprocess.run(
        [
            str(SCHEMATHESIS), "run", f"{live_server.url}/api/v1/schema.json",
            "--checks", CHECKS,
            "--phases", "examples,coverage,fuzzing",
            "--max-examples", str(MAX_EXAMPLES),
            "--workers", "1",
            "--seed", "15",
            "--request-timeout", "30",
            "--no-color",
            # As the TLS proxy says in production (the live server may have been started
            # with the production redirect to https on).
            "--header", "X-Forwarded-Proto: https",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,  # its cache of past runs stays out of the checkout and out of this run
    )  # fmt: skip
    print(run.stdout)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    # Every operation was exercised, and every case it generated passed every check.
    assert "Selected: 14/14" in run.stdout and "Tested: 14" in run.stdout
    generated, passed = re.search(r"(\d+) generated, (\d+) passed", run.stdout).groups()
    assert int(generated) > 14 * 10 and generated == passed
