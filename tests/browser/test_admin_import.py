"""An editor logs in, pastes a readout, previews it, saves it, then finds it on the public site."""

import pytest

from readouts.models import Call, Official
from readouts.writing import ingest
from readouts.writing.reference import sync_reference_data
from tests.admin_helpers import make_editor, restore_editors_group
from tests.browser.conftest import screenshot
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "long-enough-secret-1"


@pytest.fixture
def archive(django_user_model):
    """The reference vocabulary, one call already loaded, and an editor account."""
    restore_editors_group()  # an earlier transactional test flushed the migration's rows
    sync_reference_data()
    ingest.ingest_text(SEEDS[1].read_text(encoding="utf-8"), source=SEEDS[1].name)
    return make_editor(django_user_model)


def test_editor_imports_a_readout_and_finds_it_by_search(page, live_server, archive):
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", archive.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")

    page.goto(f"{live_server.url}/admin/readouts/readout/")
    page.click("text=Add a readout from text")
    page.fill("#id_text", SEEDS[0].read_text(encoding="utf-8"))
    page.select_option("#id_publisher", "az-presidency")
    page.click("input[name=_preview]")

    preview = page.locator("#preview-statements")
    assert preview.is_visible()
    assert "Jake Sullivan s'est dit préoccupé" in preview.inner_text()
    assert "Jake Sullivan" in page.locator("#preview-participants").inner_text()
    screenshot(page, "admin-import-preview")
    assert not Call.objects.filter(slug="2021-05-17-aliyev-sullivan").exists()

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    assert "The readout was saved" in page.locator(".messagelist").inner_text()
    call = Call.objects.get(slug="2021-05-17-aliyev-sullivan")
    assert page.url.endswith(f"/admin/readouts/call/{call.pk}/change/")
    screenshot(page, "admin-import-saved")
    page.click("#readouts-group a.inlinechangelink")
    page.wait_for_selector("#statements-group")
    screenshot(page, "admin-readout-statements")
    page.goto(f"{live_server.url}/admin/readouts/call/")
    screenshot(page, "admin-call-changelist")

    page.goto(f"{live_server.url}/")
    page.fill("#q", "internationalisation")  # a word only the new readout has
    page.press("#q", "Enter")
    page.wait_for_load_state()
    screenshot(page, "admin-import-public-search")
    assert page.locator(f'main a[href^="{call.get_absolute_url()}"]').count() >= 1
    other = Call.objects.exclude(pk=call.pk).get()
    assert page.locator(f'main a[href^="{other.get_absolute_url()}"]').count() == 0


def test_editor_merges_a_duplicate_official(page, live_server, archive):
    duplicate = Official.objects.create(
        name="A. Blinken", slug="a-blinken", country="US", needs_review=True
    )
    page.goto(f"{live_server.url}/admin/login/?next=/admin/readouts/official/")
    page.fill("#id_username", archive.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.fill("#searchbar", "Blinken")
    page.press("#searchbar", "Enter")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "merge_into_one")
    page.click("button[name=index]")
    page.wait_for_selector("#merge-targets")
    blinken = Official.objects.get(slug="antony-blinken")
    page.check(f"#merge-targets input[value='{blinken.pk}']")
    screenshot(page, "admin-merge-officials")
    page.click("input[value=Merge]")
    page.wait_for_selector(".messagelist .success")
    assert "Merged A. Blinken into Antony Blinken" in page.locator(".messagelist").inner_text()
    assert not Official.objects.filter(pk=duplicate.pk).exists()
