"""Flagged readouts: what the parser was unsure of, the editors' queue, and what the public sees."""

import pytest
from django.urls import reverse

from readouts.models import Readout, Statement
from readouts.writing import ingest

from .admin_helpers import change_form_data, inline_prefix
from .conftest import SAMPLES

# Made up: an envoy the officials table does not know, and a "He" the text leaves open.
UNSURE = (
    " date 2023-05 On May 14, President Ilham Aliyev received a phone call from U.S. Special "
    "Envoy for Caucasus Negotiations Jane Roe. He stressed the importance of the peace process. "
    "Roe welcomed progress on border delimitation."
)
NO_DAY = next(path for path in SAMPLES if path.name.startswith("2024-04-03"))  # "spoke today"

QUEUE = "/admin/readouts/readout/review/"


pytestmark = pytest.mark.usefixtures("plain_http")


@pytest.fixture
def unsure(load):
    return load(UNSURE, source="unsure.txt")


def kinds(readout):
    return {flag["flag"] for flag in Readout.objects.get(pk=readout.pk).review_flags}


def test_a_half_understood_readout_is_archived_with_its_flags(unsure, load):
    assert unsure.status == "created"
    assert kinds(unsure.readout) == {"new-official", "speaker"}
    no_day = load(NO_DAY)
    assert kinds(no_day.readout) == {"date"}
    assert unsure.readout.review_weight > no_day.readout.review_weight > 0


def test_the_queue_lists_flagged_readouts_worst_first_with_their_reasons(
    editor_client, unsure, load
):
    load(NO_DAY)
    page = editor_client.get(QUEUE).content.decode()
    assert "<strong>2</strong> readouts left to review" in page
    assert page.index("unsure.txt") < page.index(NO_DAY.name)
    assert "Official not in the table" in page and "Speaker guessed" in page
    assert "Date from the header or manifest only" in page
    # Each item links to the forms that settle it.
    assert reverse("admin:readouts_readout_change", args=[unsure.readout.pk]) in page
    assert reverse("admin:readouts_call_change", args=[unsure.call.pk]) in page
    new_official = unsure.call.participants.get(official__needs_review=True).official
    assert reverse("admin:readouts_official_change", args=[new_official.pk]) in page


def test_marking_a_readout_reviewed_keeps_who_and_when(editor_client, editor, unsure):
    response = editor_client.post(QUEUE, {"readout": unsure.readout.pk})
    assert response.status_code == 302
    readout = Readout.objects.get(pk=unsure.readout.pk)
    assert readout.reviewed_by == editor and readout.reviewed_at is not None
    page = editor_client.get(QUEUE).content.decode()
    assert "<strong>0</strong> readouts left to review" in page
    assert "<strong>1</strong> settled in the last seven days" in page


def test_the_queue_needs_the_right_to_change_readouts(client, django_user_model, unsure):
    clerk = django_user_model.objects.create_user("clerk", password="long-enough-secret-1")
    clerk.is_staff = True
    clerk.save()
    client.force_login(clerk)
    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, {"readout": unsure.readout.pk}).status_code == 403
    assert Readout.objects.get(pk=unsure.readout.pk).reviewed_at is None


def test_the_public_page_says_how_sure_the_record_is(
    client, editor_client, unsure, django_capture_on_commit_callbacks
):
    url = unsure.call.get_absolute_url()
    before = client.get(url).content.decode()
    assert "Extracted automatically from the text; not yet reviewed by an editor." in before
    assert "(speaker inferred)" in before
    with django_capture_on_commit_callbacks(execute=True):  # the review commits
        editor_client.post(QUEUE, {"readout": unsure.readout.pk})
    after = client.get(url).content.decode()
    assert "Reviewed by an editor on" in after and "not yet reviewed" not in after
    assert "editor</" not in after and "editor," not in after  # no user name on the public site


def test_a_researcher_can_keep_to_reviewed_records(client, editor_client, unsure, load):
    other = load(NO_DAY)
    editor_client.post(QUEUE, {"readout": unsure.readout.pk})
    reviewed = client.get("/", {"reviewed": "yes"})
    assert [c.pk for c in reviewed.context["page_obj"]] == [unsure.call.pk]
    assert "Calls reviewed by an editor" in reviewed.content.decode()
    waiting = client.get("/", {"reviewed": "no"})
    assert [c.pk for c in waiting.context["page_obj"]] == [other.call.pk]
    assert client.get("/", {"reviewed": "maybe"}).status_code == 400


def test_an_update_keeps_the_review(editor_client, editor, unsure):
    editor_client.post(QUEUE, {"readout": unsure.readout.pk})
    changed = UNSURE.replace("border delimitation", "the border commissions")
    result = ingest.ingest_text(changed, source="unsure.txt", update=True)
    assert result.status == "updated"
    assert Readout.objects.get(pk=unsure.readout.pk).reviewed_by == editor
    assert any(line.startswith("the review (reviewed by editor on") for line in result.kept)


def test_an_editor_who_picks_a_speaker_settles_the_guess(editor_client, unsure):
    guessed = Statement.objects.get(readout=unsure.readout, speaker_guessed=True)
    url = reverse("admin:readouts_readout_change", args=[unsure.readout.pk])
    data = change_form_data(editor_client.get(url))
    roe = unsure.call.participants.get(official__needs_review=True).official
    data[f"{inline_prefix(data, guessed.pk)}-speaker"] = str(roe.pk)
    assert editor_client.post(url, data).status_code == 302
    guessed.refresh_from_db()
    assert (guessed.speaker, guessed.speaker_guessed) == (roe, False)


def test_a_readout_in_a_language_without_rules_is_archived_searchable_and_flagged(client, load):
    from .test_parsing_unruled import RUSSIAN

    result = load(RUSSIAN, source="ru.txt", publisher="az-presidency")
    assert result.status == "created"
    assert (result.readout.language, result.readout.side) == ("ru", "AZ")
    assert kinds(result.readout) == {"language", "date"}
    found = client.get("/", {"q": "телефонный разговор"}).context["page_obj"]
    assert [call.pk for call in found] == [result.call.pk]
    assert client.get("/", {"q": "Blinken"}).context["page_obj"].paginator.count == 1
