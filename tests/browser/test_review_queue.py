"""An editor works through the "Needs review" queue and sees the public page change."""

import pytest

from readouts.models import Readout
from readouts.writing import ingest
from readouts.writing.reference import sync_reference_data
from tests.admin_helpers import make_editor, restore_editors_group
from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.test_review import UNSURE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "long-enough-secret-1"


@pytest.fixture
def flagged(django_user_model):
    restore_editors_group()
    sync_reference_data()
    result = ingest.ingest_text(UNSURE, source="unsure.txt")
    return make_editor(django_user_model, username="mlopez"), result


def test_an_editor_confirms_a_guessed_speaker_and_marks_the_readout_reviewed(
    page, live_server, flagged
):
    editor, result = flagged
    public = f"{live_server.url}{result.call.get_absolute_url()}"
    page.goto(public)
    assert "not yet reviewed by an editor" in page.locator(".review-status").inner_text()
    assert page.locator(".inferred").count() >= 1

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/readouts/readout/")
    page.click("text=Needs review")
    item = page.locator(f"#review-{result.readout.pk}")
    assert "Speaker guessed" in item.inner_text()
    assert "1 readout left to review" in page.locator(".review-summary").inner_text()
    screenshot(page, "admin-review-queue", DESKTOP)
    screenshot(page, "admin-review-queue-phone", PHONE)
    page.set_viewport_size(DESKTOP)

    # The guess is right: the editor says so on the readout's statements.
    item.get_by_role("link", name="Statements and speakers").click()
    page.wait_for_selector("#statements-group")
    guessed = page.locator("#statements-group input[name$='-speaker_guessed']:checked")
    count = guessed.count()
    assert count >= 1
    guessed.first.uncheck()
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    still = Readout.objects.get(pk=result.readout.pk).statements.filter(speaker_guessed=True)
    assert still.count() == count - 1

    page.goto(f"{live_server.url}/admin/readouts/readout/review/")
    page.locator(f"#review-{result.readout.pk}").get_by_role("button", name="Mark reviewed").click()
    page.wait_for_selector(".messagelist .success")
    assert "0 readouts left to review" in page.locator(".review-summary").inner_text()
    assert "1 settled" in page.locator(".review-summary").inner_text()

    page.goto(public)
    status = page.locator(".review-status").inner_text()
    assert status.startswith("Reviewed by an editor on")
    assert editor.username not in page.content()
    screenshot(page, "call-reviewed", DESKTOP)
