"""A reader searches in one language and finds the others; the interface in English and French."""

import pytest

from readouts.models import Concept, Official
from readouts.writing import ingest
from readouts.writing.reference import sync_reference_data

from ..conftest import SEEDS
from ..factories import make_call
from .conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive():
    sync_reference_data()
    for path in SEEDS:
        ingest.ingest_bytes(path.read_bytes(), source=path.name)
    aliyev, blinken = (
        Official.objects.get(slug="ilham-aliyev"),
        Official.objects.get(slug="antony-blinken"),
    )
    # The parser has no Azerbaijani rules yet: this call is written as the factories write one.
    make_call(
        "2022-09-18",
        [aliyev, blinken],
        language="az",
        publisher="metbuat",
        text="Telefon söhbəti zamanı məhbusların qaytarılması, Qarabağda vəziyyət və sülh "
        "müqaviləsi üzrə danışıqlar müzakirə olunub.",
        mentions=[("place", "Qarabağ")],
    )
    make_call(
        "2022-07-25",
        [aliyev, blinken],
        language="en",
        side="US",
        publisher="us-state-department",
        text="Secretary Blinken urged President Aliyev to release all remaining Armenian "
        "detainees and discussed the Lachin corridor.",
    )


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_a_search_in_one_language_finds_the_others(browser, live_server, archive, locale):
    context = browser.new_context(viewport=DESKTOP, locale=locale)
    page = context.new_page()
    language = locale[:2]
    page.goto(live_server.url + "/?q=prisoners")
    note = page.locator(".also-searched")
    assert "prisonniers" in note.inner_text() and "məhbuslar" in note.inner_text()
    assert page.locator(".result-list > li.call").count() == 3
    marks = page.locator(".snippet mark").all_inner_texts()
    assert {"prisonniers", "məhbusların", "detainees"} <= set(marks)
    screenshot(page, f"search-prisoners-{language}-desktop", DESKTOP)
    screenshot(page, f"search-prisoners-{language}-phone", PHONE)

    page.set_viewport_size(DESKTOP)
    note.get_by_role("link").click()
    page.wait_for_url("**literal=1**")
    assert page.locator(".result-list > li.call").count() == 0

    page.goto(live_server.url + "/places/karabakh/")
    # The place is named in the interface language (the French label is "Karabagh").
    assert page.locator("h1").inner_text() == Concept.objects.get(slug="karabakh").pref_label(
        language
    )
    assert page.locator(".call-item").count() == 2
    screenshot(page, f"place-karabakh-{language}-desktop", DESKTOP)
    screenshot(page, f"place-karabakh-{language}-phone", PHONE)
    context.close()


def test_the_switcher_changes_the_language_and_keeps_the_page(page, live_server, archive):
    page.goto(live_server.url + "/topics/")
    assert page.locator("h1").inner_text() == "Topics"
    page.locator(".language-switch").get_by_role("link", name="Français").click()
    page.wait_for_url(live_server.url + "/topics/")
    assert page.locator("h1").inner_text() == "Thèmes"
    page.goto(live_server.url + "/")
    assert "appels" in page.locator("#results-heading").inner_text()
    page.locator(".call-title a").first.click()
    screenshot(page, "call-page-fr-desktop", DESKTOP)
    screenshot(page, "call-page-fr-phone", PHONE)
