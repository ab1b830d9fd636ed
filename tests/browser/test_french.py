"""A French reader and a French editor, on a phone and a desktop: every heading in French, no
page wider than the screen, the switcher back to English.

``scrollWidth <= innerWidth`` is the test for sideways scrolling: an element wider than the
screen (a long word, a table, a fixed width) makes the document wider than the viewport.
"""

import pytest

from readouts.models import Call
from readouts.writing import ingest
from readouts.writing.reference import sync_reference_data
from tests.admin_helpers import make_editor, restore_editors_group
from tests.test_review import UNSURE

from ..conftest import SEEDS
from .conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "long-enough-secret-1"


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def headings(page) -> list[str]:
    return [text.strip() for text in page.locator("h1, h2, h3").all_inner_texts()]


@pytest.fixture
def archive(django_user_model):
    restore_editors_group()
    sync_reference_data()
    for path in SEEDS:
        ingest.ingest_bytes(path.read_bytes(), source=path.name)
    ingest.ingest_text(UNSURE, source="unsure.txt")
    make_editor(django_user_model, username="mlopez")
    # The thesaurus is edited by administrators (the Editors group predates it).
    return django_user_model.objects.create_superuser("admin", password=PASSWORD)


@pytest.fixture
def french(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


def test_a_french_reader_reads_every_page_in_french_on_a_phone(french, live_server, archive):
    page = french
    call = Call.objects.order_by("date").first()
    official = call.participants.order_by("position").first().official
    topic = call.topics.order_by("slug").first()
    pages = {
        "/": ["Affiner les appels"],
        "/?q=prisoners": ["Affiner les appels"],
        call.get_absolute_url(): ["Participants à l’appel", "Texte intégral", "Citer cet appel"],
        official.get_absolute_url(): ["Appels"],
        topic.get_absolute_url(): ["Appels", "Déclarations"],
        "/statements/?q=frontière": ["Affiner les déclarations"],
        "/officials/": ["Responsables"],
        "/topics/": ["Thèmes"],
    }
    for path, expected in pages.items():
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == "fr", path
        found = " | ".join(headings(page))
        for heading in expected:
            assert heading in found, (path, heading, found)
        assert fits(page), (path, page.evaluate("document.documentElement.scrollWidth"))
    page.goto(live_server.url + call.get_absolute_url())
    assert page.locator(".eyebrow").inner_text().lower() == "entretien téléphonique"
    # The office in French; the readout's own English title kept beside it, as written.
    assert "(selon le compte rendu" in page.locator(".participants").inner_text()
    screenshot(page, "call-fr-phone")
    page.goto(live_server.url + topic.get_absolute_url())
    assert page.locator("h1").inner_text() == topic.name_fr
    page.goto(live_server.url + "/")
    # Facet values in French: the readouts' languages and the officials' countries.
    facets = page.locator(".facets").inner_text()
    assert "français" in facets and "États-Unis" in facets and "Azerbaïdjan" in facets
    page.goto(live_server.url + "/?q=prisoners")
    assert "Mots\u00a0: «\u00a0prisoners\u00a0»" in page.locator(".chips").inner_text()


def test_the_switcher_goes_back_to_english_and_stays(french, live_server, archive):
    page = french
    call = Call.objects.order_by("date").first()
    page.goto(live_server.url + call.get_absolute_url())
    assert page.locator("#participants-heading").inner_text() == "Participants à l’appel"
    page.locator(".language-switch").get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + call.get_absolute_url())
    assert page.locator("#participants-heading").inner_text() == "On the call"
    page.goto(live_server.url + "/topics/")
    assert page.locator("h1").inner_text() == "Topics"  # the cookie wins over Accept-Language


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_a_french_administrator_uses_the_admin_on_a_phone(browser, live_server, archive, viewport):
    context = browser.new_context(viewport=viewport, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", archive.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/readouts/readout/")
    assert fits(page)
    tools = page.locator(".object-tools").text_content()
    assert "Ajouter un compte rendu à partir du texte" in tools
    page.get_by_role("link", name="À relire").click()
    assert page.locator("h1").inner_text() == "Comptes rendus à relire"
    summary = page.locator(".review-summary").inner_text()
    assert "compte rendu reste à relire" in summary or "comptes rendus restent à relire" in summary
    unsure = page.locator(".review-item h3").first.inner_text()
    assert unsure == "Ce dont l’analyseur n’était pas sûr"
    assert page.get_by_role("button", name="Marquer comme relu").count() >= 1
    assert fits(page)
    screenshot(page, f"admin-review-fr-{viewport['width']}")
    for path in ("/admin/readouts/readout/import/", "/admin/readouts/concept/"):
        page.goto(live_server.url + path)
        assert fits(page), path
    assert "Libellés préférés" not in page.content()  # the list, not a concept's form
    page.locator("#result_list tbody a").first.click()
    page.wait_for_selector("#concept_form")
    assert "Libellés préférés" in page.content() and fits(page)
    context.close()
