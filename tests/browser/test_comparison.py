"""A reader compares the two governments' accounts of one call, on a phone and on a desktop."""

import pytest

from readouts.models import Call
from readouts.writing import ingest
from readouts.writing.reference import sync_reference_data
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, screenshot
from tests.test_merge import FRENCH_AZ, english_us

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def call():
    sync_reference_data()
    ingest.ingest_bytes(FRENCH_AZ.read_bytes(), source=FRENCH_AZ.name)
    ingest.ingest_text(english_us(), source="state.txt")
    return Call.objects.get()


def column_lefts(page, topic_slug):
    row = page.locator(".comparison__topic", has=page.locator(f"#compare-{topic_slug}"))
    boxes = row.locator(".comparison__side")
    return [boxes.nth(i).bounding_box() for i in range(boxes.count())]


def test_both_sides_side_by_side_on_desktop_stacked_on_a_phone(page, live_server, call):
    page.goto(live_server.url + call.get_absolute_url())
    comparison = page.locator(".comparison")
    assert comparison.get_by_text("Only in the US readout:").is_visible()
    only = comparison.locator(".comparison__only")
    assert only.get_by_role("link", name="Human rights and democracy").is_visible()

    # Topics both sides raise are open side by side; one side's are folded until asked for.
    az, us = column_lefts(page, "peace-process")
    assert az["y"] == us["y"] and az["x"] < us["x"]  # side by side
    assert not page.get_by_text("Not mentioned.").first.is_visible()
    page.locator("summary", has=page.locator("#compare-human-rights")).click()
    row = page.locator(".comparison__topic", has=page.locator("#compare-human-rights"))
    assert row.get_by_text("Not mentioned.").is_visible()
    comparison.scroll_into_view_if_needed()
    screenshot(page, "comparison-desktop", DESKTOP)
    comparison.screenshot(path=str(SCREENSHOTS / "comparison-section-desktop.png"))

    page.set_viewport_size(PHONE)
    az, us = column_lefts(page, "peace-process")
    assert az["x"] == us["x"] and az["y"] < us["y"]  # stacked
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "comparison-phone", PHONE)
    comparison.screenshot(path=str(SCREENSHOTS / "comparison-section-phone.png"))

    page.get_by_role("link", name="#2 in the US readout").click()
    assert page.evaluate("location.hash").startswith("#r")
