"""A reader on the home page: clicks a facet, sees the list narrow and a chip, searches."""

import pytest

from ..list_world import build_archive
from .conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def result_titles(page):
    return page.locator(".result-list .call-title").all_inner_texts()


def test_facet_chip_and_search_narrow_the_calls(page, live_server):
    build_archive()
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Calls"
    assert len(result_titles(page)) == 4
    screenshot(page, "call-list-desktop", DESKTOP)

    page.locator(".facet", has_text="Official").get_by_role("link", name="Jeyhun Bayramov").click()
    page.wait_for_url("**/?official=jeyhun-bayramov")
    assert result_titles(page) == ["Jeyhun Bayramov and Antony Blinken"]
    chip = page.locator(".chip")
    assert "Official: Jeyhun Bayramov" in chip.inner_text()
    assert page.locator("h1").inner_text() == "Calls with Jeyhun Bayramov"

    chip.click()
    page.wait_for_url(live_server.url + "/")
    assert len(result_titles(page)) == 4

    page.get_by_label("Search calls").fill("azerbaidjan")
    page.get_by_label("Search calls").press("Enter")
    page.wait_for_url("**/?q=azerbaidjan")
    assert result_titles(page) == ["Ilham Aliyev and Antony Blinken"]
    screenshot(page, "call-list-search-desktop", DESKTOP)
    screenshot(page, "call-list-search-phone", PHONE)


def test_the_timeline_and_keyboard_reach_the_filters(page, live_server):
    build_archive()
    page.goto(live_server.url + "/")
    page.locator(".timeline svg a[aria-label='2021: 2 calls']").click()
    page.wait_for_url("**/?year=2021")
    assert len(result_titles(page)) == 2
    assert "Calls per month in 2021" in page.locator(".timeline figcaption").inner_text()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.tagName")
    assert focused == "A"
    screenshot(page, "call-list-year-phone", PHONE)


def test_statement_search_on_a_phone(page, live_server):
    build_archive()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/statements/?speaker=ilham-aliyev")
    assert page.locator("h1").inner_text() == "Statements by Ilham Aliyev"
    assert page.locator(".statement").count() == 2
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    screenshot(page, "statement-list-phone", PHONE)
