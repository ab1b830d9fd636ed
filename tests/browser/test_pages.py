"""A reader opens a call, follows an official and a topic, and downloads a citation."""

import datetime as dt

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.factories import make_call, make_office, make_official

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive():
    president = make_office("az-president", "AZ", "President of the Republic of Azerbaijan")
    nsa = make_office("us-national-security-advisor", "US", "National Security Advisor")
    aliyev = make_official("Ilham Aliyev", "AZ", president, dt.date(2003, 10, 31))
    sullivan = make_official("Jake Sullivan", "US", nsa, dt.date(2021, 1, 20))
    blinken = make_official("Antony Blinken", "US", make_office(), dt.date(2021, 1, 26))
    first = make_call(
        "2021-05-17",
        [aliyev, sullivan],
        initiator=sullivan,
        statements=[
            (
                None,
                "Au cours de la conversation, les parties ont exprimé leur satisfaction "
                "en ce qui concerne les relations bilatérales.",
                ["bilateral-relations"],
            ),
            (
                sullivan,
                "Jake Sullivan s'est dit préoccupé par les récentes tensions à la "
                "frontière azerbaïdjano-arménienne.",
                ["border-tensions", "regional-security"],
                "concern",
            ),
            (
                aliyev,
                "Le Président Ilham Aliyev a déclaré que son pays restait engagé à assurer "
                "la paix et la stabilité dans la région.",
                ["peace-process"],
                "support",
            ),
        ],
        mentions=[("place", "Armenia"), ("document", "Trilateral statement of 10 November 2020")],
    )
    make_call(
        "2023-09-19",
        [aliyev, blinken],
        initiator=blinken,
        language="en",
        side="US",
        publisher="us-state-department",
        statements=[
            (
                blinken,
                "Secretary Blinken urged an end to military operations.",
                ["peace-process"],
                "urge",
            ),
        ],
    )
    return first


def fits_the_viewport(page):
    """No sideways scrolling: the page is no wider than the window."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_read_a_call_then_follow_an_official_and_a_topic(page, live_server, archive):
    page.goto(live_server.url + archive.get_absolute_url())
    assert page.locator("h1").inner_text() == "Ilham Aliyev and Jake Sullivan"
    assert page.get_by_text("Jake Sullivan called Ilham Aliyev.").is_visible()
    assert page.locator("blockquote.verbatim").get_attribute("lang") == "fr"
    screenshot(page, "call-desktop", DESKTOP)
    screenshot(page, "call-phone", PHONE)
    assert fits_the_viewport(page)

    page.set_viewport_size(DESKTOP)
    page.locator(".participants").get_by_role("link", name="Ilham Aliyev").click()
    page.wait_for_url("**/officials/ilham-aliyev/")
    assert page.locator("h1").inner_text() == "Ilham Aliyev"
    assert page.locator(".call-list li").count() == 2
    screenshot(page, "official-desktop", DESKTOP)
    screenshot(page, "official-phone", PHONE)
    assert fits_the_viewport(page)

    page.set_viewport_size(DESKTOP)
    page.locator(".topic-group h3").get_by_role("link", name="Peace process").click()
    page.wait_for_url("**/topics/peace-process/")
    assert page.locator("h1").inner_text() == "Peace process"
    timeline = page.locator(".timeline svg")
    assert timeline.locator("rect.hit").count() == 3  # 2021, 2022 (none), 2023
    assert timeline.locator("a").count() == 2  # the years with calls narrow the page's list
    screenshot(page, "topic-desktop", DESKTOP)
    screenshot(page, "topic-phone", PHONE)
    assert fits_the_viewport(page)


def test_download_a_bibtex_citation(page, live_server, archive):
    page.goto(live_server.url + archive.get_absolute_url())
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download BibTeX").click()
    download = download_info.value
    assert download.suggested_filename == f"readout-{archive.slug}.bib"
    body = download.path().read_text(encoding="utf-8")
    assert body.startswith(f"@misc{{readout-{archive.slug},")
    assert f"url = {{{live_server.url}{archive.get_absolute_url()}}}" in body


def test_keyboard_reaches_the_content_and_lists(page, live_server, archive):
    page.goto(live_server.url + "/officials/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    screenshot(page, "officials-desktop", DESKTOP)
    screenshot(page, "officials-phone", PHONE)
    page.goto(live_server.url + "/topics/")
    screenshot(page, "topics-phone", PHONE)
    page.goto(live_server.url + "/calls/no-such-call/")
    assert page.locator("h1").inner_text() == "Not found"
    screenshot(page, "not-found-phone", PHONE)
