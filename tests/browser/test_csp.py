"""Chromium enforces our Content-Security-Policy on every public page and blocks nothing.

The HTML check in test_production.py reads the markup; this one asks the browser itself, which
also catches what markup cannot show (a script setting inline styles, a blocked font or image).
"""

import datetime as dt

import pytest

from tests.browser.conftest import screenshot
from tests.factories import make_call, make_office, make_official
from tests.test_production import public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive_objects():
    president = make_office("az-president", "AZ", "President of the Republic of Azerbaijan")
    aliyev = make_official("Ilham Aliyev", "AZ", president, dt.date(2003, 10, 31))
    blinken = make_official("Antony Blinken", "US", make_office(), dt.date(2021, 1, 26))
    call = make_call(
        "2022-10-10",
        [aliyev, blinken],
        initiator=blinken,
        statements=[
            (aliyev, "Le chef de l'État a souligné l'importance de la paix.", ["peace"], "emphasis")
        ],
    )
    return [call, aliyev, blinken, *call.topics.all()]


def test_no_public_page_breaks_the_content_security_policy(live_server, page, archive_objects):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    visited = 0
    for path in dict.fromkeys(public_pages(archive_objects)):
        probe = page.request.get(live_server.url + path)  # downloads and feeds are not pages
        if probe.status != 200 or "text/html" not in probe.headers["content-type"]:
            continue
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        # Our stylesheet is allowed and applied: the page is not falling back to bare HTML.
        assert page.evaluate("[...document.styleSheets].some(s => s.cssRules.length > 0)"), path
        visited += 1
    assert visited >= 6
    assert violations == []
    page.goto(live_server.url + archive_objects[0].get_absolute_url())
    screenshot(page, "csp-call-page")
