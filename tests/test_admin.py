"""The admin as staff use it: permissions, changelists, corrections, merging, login limits."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from readouts.models import Call, Mention, Official, Readout, Statement, Topic
from readouts.writing import ingest

from .admin_helpers import change_form_data, inline_prefix
from .conftest import ROOT, SEEDS
from .factories import make_call, make_official, make_topic

CHANGELISTS = [
    "/admin/readouts/call/",
    "/admin/readouts/readout/",
    "/admin/readouts/official/",
    "/admin/readouts/topic/",
    "/admin/readouts/statement/",
    "/admin/readouts/office/",
]


pytestmark = pytest.mark.usefixtures("plain_http")


@pytest.fixture
def aliyev(db):
    return make_official("Ilham Aliyev", country="AZ")


@pytest.fixture
def blinken(db):
    return make_official("Antony Blinken", country="US")


@pytest.fixture
def call(aliyev, blinken):
    return make_call(
        "2023-02-03",
        [aliyev, blinken],
        initiator=blinken,
        statements=[
            (aliyev, "Le Président a souligné l'importance de la paix.", ["peace-process"], ""),
            (blinken, "Le Secrétaire a salué les progrès.", [], "welcome"),
            (None, "Les parties ont discuté des relations bilatérales.", [], "discussion"),
        ],
    )


# --- who may do what ---


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*CHANGELISTS, "/admin/readouts/readout/import/"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*CHANGELISTS, "/admin/readouts/readout/import/"])
def test_staff_without_permissions_get_403(client, django_user_model, url):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", CHANGELISTS)
def test_editors_see_every_archive_changelist(editor_client, call, url):
    assert editor_client.get(url).status_code == 200


def test_editors_may_not_delete_records_or_manage_users(editor_client, call):
    assert editor_client.get(f"/admin/readouts/call/{call.pk}/delete/").status_code == 403
    assert editor_client.post(f"/admin/readouts/call/{call.pk}/delete/").status_code == 403
    assert Call.objects.filter(pk=call.pk).exists()
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    assert "delete_selected" not in editor_client.get("/admin/readouts/call/").content.decode()


def test_editors_group_grants_add_and_change_but_no_delete(editor):
    codenames = set(
        Permission.objects.filter(group__name="Editors").values_list("codename", flat=True)
    )
    assert {"add_readout", "change_statement", "change_official", "add_call"} <= codenames
    assert not {c for c in codenames if c.startswith("delete_")}
    assert editor.has_perm("readouts.add_readout")
    assert not editor.has_perm("auth.change_user")


# --- changelists ---


@pytest.mark.parametrize("url", CHANGELISTS)
def test_changelists_issue_a_bounded_number_of_queries(
    editor_client, aliyev, blinken, django_assert_max_num_queries, url
):
    topic = make_topic("energy")
    for day in range(1, 26):
        make_call(
            f"2022-03-{day:02d}",
            [aliyev, blinken],
            initiator=aliyev,
            statements=[(aliyev, f"Phrase {day}.", [topic.slug], ""), (None, "Ensemble.", [], "")],
        )
    with django_assert_max_num_queries(14):
        response = editor_client.get(url)
    assert response.status_code == 200


def test_call_changelist_shows_participants_topics_and_readout_count(editor_client, call):
    response = editor_client.get("/admin/readouts/call/")
    row = response.content.decode()
    assert "Ilham Aliyev, Antony Blinken" in row
    assert "Peace process" in row
    assert response.context["cl"].result_list[0].readout_total == 1


def test_call_search_finds_names_and_readout_text(editor_client, call, aliyev):
    other = make_call("2021-01-05", [aliyev], statements=[(aliyev, "Rien à signaler.", [], "")])
    found = editor_client.get("/admin/readouts/call/", {"q": "progrès"}).context["cl"]
    assert list(found.result_list) == [call]
    found = editor_client.get("/admin/readouts/call/", {"q": "Blinken"}).context["cl"]
    assert list(found.result_list) == [call]
    assert other not in found.result_list


def test_needs_review_filter_finds_calls_with_unreviewed_officials_or_warnings(
    editor_client, call, aliyev
):
    stranger = make_official("Jean Inconnu", country="FR", needs_review=True)
    flagged = make_call("2021-01-05", [aliyev, stranger])
    warned = make_call("2021-02-05", [aliyev])
    Readout.objects.filter(call=warned).update(warnings=["no day in text"])
    result = editor_client.get("/admin/readouts/call/", {"needs_review": "yes"}).context["cl"]
    assert set(result.result_list) == {flagged, warned}
    result = editor_client.get("/admin/readouts/call/", {"needs_review": "no"}).context["cl"]
    assert list(result.result_list) == [call]


def test_changelists_link_to_the_import_page(editor_client, call):
    for url in ("/admin/readouts/readout/", "/admin/readouts/call/"):
        assert 'href="/admin/readouts/readout/import/"' in editor_client.get(url).content.decode()


def test_adding_a_readout_by_hand_leads_to_the_import_page(editor_client):
    response = editor_client.get("/admin/readouts/readout/add/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/readouts/readout/import/"


# --- corrections are marked ---


def test_editing_one_statement_marks_only_that_statement(editor_client, editor, call):
    readout = call.readouts.get()
    url = f"/admin/readouts/readout/{readout.pk}/change/"
    data = change_form_data(editor_client.get(url))
    first = readout.statements.get(order=1)
    prefix = inline_prefix(data, first.pk)
    data[f"{prefix}-text"] = "Le Président a souligné l'importance d'une paix durable."
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    first.refresh_from_db()
    assert first.text.endswith("d'une paix durable.")
    assert first.edited_by == editor
    assert first.edited_at is not None
    assert not readout.statements.exclude(pk=first.pk).filter(edited_at__isnull=False).exists()
    assert LogEntry.objects.filter(object_id=str(readout.pk), user=editor).exists()


def test_a_corrected_statement_is_found_by_the_public_search_at_once(editor_client, seeds):
    statement = seeds[0].readout.statements.get(order=5)
    url = f"/admin/readouts/statement/{statement.pk}/change/"
    data = change_form_data(editor_client.get(url))
    data["text"] = "Jake Sullivan a affirmé l'engagement des États-Unis envers la zanzibarisation."
    assert editor_client.post(url, data).status_code == 302
    found = editor_client.get("/statements/", {"q": "zanzibarisation"})
    assert found.status_code == 200
    assert [s.pk for s in found.context["page_obj"].object_list] == [statement.pk]


def test_changing_a_statements_topics_marks_it_edited(editor_client, editor, call):
    statement = Statement.objects.get(readout__call=call, order=2)
    url = f"/admin/readouts/statement/{statement.pk}/change/"
    data = change_form_data(editor_client.get(url))
    data["topics"] = [str(make_topic("energy").pk)]
    assert editor_client.post(url, data).status_code == 302
    statement.refresh_from_db()
    assert list(statement.topics.values_list("slug", flat=True)) == ["energy"]
    assert statement.edited_by == editor


def test_verbatim_text_cannot_be_changed_once_saved(editor_client, call):
    readout = call.readouts.get()
    url = f"/admin/readouts/readout/{readout.pk}/change/"
    original = readout.text
    data = change_form_data(editor_client.get(url))
    data["text"] = "Something else entirely."
    assert editor_client.post(url, data).status_code == 302
    readout.refresh_from_db()
    assert readout.text == original


def test_call_page_says_who_last_changed_it(editor_client, editor, call):
    url = f"/admin/readouts/call/{call.pk}/change/"
    assert "Not edited since it was imported." in editor_client.get(url).content.decode()
    data = change_form_data(editor_client.get(url))
    data["date_precision"] = "month"
    assert editor_client.post(url, data).status_code == 302
    call.refresh_from_db()
    assert call.edited_by == editor
    page = editor_client.get(url).content.decode()
    assert "by editor (call)" in page
    assert f"/admin/readouts/call/{call.pk}/history/" in page


def test_editing_a_participant_title_marks_the_participant(editor_client, editor, call):
    url = f"/admin/readouts/call/{call.pk}/change/"
    data = change_form_data(editor_client.get(url))
    blinken = call.participants.get(official__slug="antony-blinken")
    prefix = inline_prefix(data, blinken.pk)
    data[f"{prefix}-title_as_written"] = "Secrétaire d'État des États-Unis"
    assert editor_client.post(url, data).status_code == 302
    blinken.refresh_from_db()
    assert blinken.edited_by == editor
    assert call.participants.filter(edited_at__isnull=True).count() == 1


# --- merging officials ---


def test_merging_a_duplicate_official_moves_everything_onto_the_kept_one(
    editor_client, call, aliyev, blinken
):
    duplicate = make_official(
        "A. Blinken", country="US", slug="a-blinken", needs_review=True, name_variants=["Blinkin"]
    )
    # The duplicate shares the call with the real Blinken, and has a call of its own.
    call.participants.create(official=duplicate, title_as_written="ministre", position=5)
    own = make_call(
        "2021-06-01",
        [aliyev, duplicate],
        initiator=duplicate,
        statements=[(duplicate, "M. Blinken a exprimé son soutien.", [], "support")],
        mentions=[("person", "A. Blinken")],
    )
    Mention.objects.filter(readout__call=own).update(official=duplicate)
    selected = {"action": "merge_into_one", "_selected_action": [blinken.pk, duplicate.pk]}

    confirm = editor_client.post("/admin/readouts/official/", selected)
    assert confirm.status_code == 200
    assert "Choose the official to keep" in confirm.content.decode()
    assert Official.objects.filter(pk=duplicate.pk).exists()

    done = editor_client.post(
        "/admin/readouts/official/", {**selected, "confirm": "yes", "target": blinken.pk}
    )
    assert done.status_code == 302
    assert not Official.objects.filter(pk=duplicate.pk).exists()
    blinken.refresh_from_db()
    assert {"A. Blinken", "Blinkin"} <= set(blinken.name_variants)
    assert list(call.participants.filter(official=blinken).values_list("pk", flat=True))
    assert call.participants.count() == 2
    assert own.participants.filter(official=blinken).exists()
    own.refresh_from_db()
    assert own.initiator == blinken
    assert Statement.objects.get(readout__call=own).speaker == blinken
    assert Mention.objects.get(readout__call=own).official == blinken
    assert LogEntry.objects.filter(object_id=str(blinken.pk)).exists()


# --- login rate limiting ---


def test_login_is_locked_after_five_wrong_passwords(client, editor):
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200
    locked = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    right = client.post("/admin/login/", {"username": "editor", "password": "long-enough-secret-1"})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_behind_the_proxy_a_lockout_is_per_visitor_not_per_proxy(client, editor):
    """Every request reaches us from the TLS proxy; the visitor is in X-Forwarded-For."""
    # What the guesser writes into the header itself (6.6.6.N) cannot shift the blame.
    for n in range(5):
        guesser = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": f"6.6.6.{n}, 203.0.113.7"}
        client.post("/admin/login/", {"username": "editor", "password": "wrong"}, **guesser)
    locked = client.post("/admin/login/", {"username": "editor", "password": "wrong"}, **guesser)
    assert locked.status_code == 429
    colleague = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "long-enough-secret-1"}, **colleague
    )
    assert response.status_code == 302


def test_a_good_password_logs_in(client, editor):
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "long-enough-secret-1"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


# --- add a readout from text ---

IMPORT_URL = "/admin/readouts/readout/import/"
ENGLISH_SAMPLE = ROOT / "tests" / "data" / "samples" / "2024-04-03_state-en_blinken-aliyev.txt"
SOURCE = "https://president.az/fr/articles/view/51713"


def seed_text(index=0) -> str:
    return SEEDS[index].read_text(encoding="utf-8")


def assert_stores(readout, text):
    """The readout holds exactly this file: same hash, and its text as published."""
    assert readout.content_hash == ingest.content_hash(text)
    assert len(readout.text) > 100
    assert text.endswith(readout.text)


def preview(client, text, **fields):
    return client.post(IMPORT_URL, {"text": text, "_preview": "Preview", **fields})


def save(client, text, **fields):
    """Preview, then press Save on the page the preview returned, as an editor does."""
    shown = preview(client, text, **fields)
    previewed = shown.context["form"].initial["previewed"]
    return client.post(
        IMPORT_URL, {"text": text, "previewed": previewed, "_save": "Save", **fields}
    )


def test_preview_shows_what_the_parser_understood_and_writes_nothing(editor_client, vocabulary):
    officials = Official.objects.count()
    response = preview(editor_client, seed_text(0))
    assert response.status_code == 200
    page = response.content.decode()
    assert "17 May 2021" in page
    assert "Jake Sullivan" in page and "Ilham Aliyev" in page
    assert "Initiator</th><td>Jake Sullivan" in page
    assert "Jake Sullivan s&#x27;est dit préoccupé" in page  # statements, autoescaped
    assert "Border delimitation" in page  # topic names, not slugs
    assert 'name="_save"' in page
    assert not Readout.objects.exists()
    assert Official.objects.count() == officials


def test_preview_warns_about_an_unknown_official_without_creating_it(editor_client, vocabulary):
    text = (
        " date 2023-03 Le 2 mars, le ministre des Affaires étrangères de l'Azerbaïdjan, "
        "Jeyhun Bayramov, a reçu un coup de téléphone du vice-secrétaire d'État américain, "
        "Paul Marchetti.\n\nLes parties ont discuté des relations bilatérales."
    )
    page = preview(editor_client, text).content.decode()
    assert "new official, to review" in page
    assert 'id="warnings"' in page
    assert not Official.objects.filter(name="Paul Marchetti").exists()


def test_saving_writes_the_readout_and_lands_on_its_call(editor_client, editor, vocabulary):
    # Browsers send a textarea's line breaks as CRLF; the stored text is the published one.
    pasted = seed_text(1).replace("\n", "\r\n")
    response = save(editor_client, pasted, source=SOURCE, publisher="az-presidency")
    readout = Readout.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/readouts/call/{readout.call_id}/change/"
    assert_stores(readout, seed_text(1))
    assert (readout.source, readout.publisher, readout.language) == (SOURCE, "az-presidency", "fr")
    assert readout.statements.exists()
    assert LogEntry.objects.get(object_id=str(readout.pk)).user == editor
    landed = editor_client.get(response["Location"])
    assert "The readout was saved" in landed.content.decode()


def test_an_uploaded_file_is_previewed_then_saved_from_the_page(editor_client, vocabulary):
    with SEEDS[0].open("rb") as upload:
        shown = editor_client.post(IMPORT_URL, {"file": upload, "_preview": "Preview"})
    assert "Jake Sullivan" in shown.content.decode()
    form = shown.context["form"]
    assert form.initial["text"] == seed_text(0)  # carried in the page, no second upload
    response = editor_client.post(
        IMPORT_URL,
        {"text": form.initial["text"], "previewed": form.initial["previewed"], "_save": "Save"},
    )
    assert response.status_code == 302
    assert_stores(Readout.objects.get(), seed_text(0))


def test_save_refuses_a_text_that_was_not_previewed(editor_client, vocabulary):
    shown = preview(editor_client, seed_text(0))
    response = editor_client.post(
        IMPORT_URL,
        {
            "text": seed_text(0).replace("lundi 17 mai", "mardi 18 mai"),
            "previewed": shown.context["form"].initial["previewed"],
            "_save": "Save",
        },
    )
    assert response.status_code == 200
    assert "changed since the last preview" in response.content.decode()
    assert "18 May 2021" in response.content.decode()
    assert not Readout.objects.exists()


def test_a_duplicate_is_not_saved_twice_and_links_to_the_existing_readout(editor_client, seeds):
    existing = seeds[0].readout
    shown = preview(editor_client, seed_text(0))
    page = shown.content.decode()
    assert "already in the archive" in page
    assert f'href="/admin/readouts/readout/{existing.pk}/change/"' in page
    assert 'name="_save"' not in page
    forced = editor_client.post(
        IMPORT_URL,
        {
            "text": seed_text(0),
            "previewed": shown.context["form"].initial["previewed"],
            "_save": "Save",
        },
    )
    assert forced.status_code == 200
    assert Readout.objects.count() == 2


def test_a_different_text_from_a_known_source_is_refused(editor_client, vocabulary):
    save(editor_client, seed_text(0), source=SOURCE)
    changed = seed_text(0).replace("lundi 17 mai", "mardi 18 mai")
    response = save(editor_client, changed, source=SOURCE)
    assert response.status_code == 200
    assert "A different text from this source URL" in response.content.decode()
    assert_stores(Readout.objects.get(), seed_text(0))


BAD_INPUT = [
    ({"text": ""}, "text", "empty"),
    ({"text": " date 2021-05 Le temps était beau à Bakou."}, "text", "no call framing"),
    ({"text": "a" * 1_000_001}, "text", "too large"),
    ({"file": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")}, "file", "binary"),
    ({"file": ("latin.txt", " date 2021-05 Le 3 mai, été".encode("latin-1"))}, "file", "UTF-8"),
]


@pytest.mark.parametrize(("data", "field", "reason"), BAD_INPUT)
def test_bad_input_is_a_form_error_with_the_reason_and_writes_nothing(
    editor_client, vocabulary, data, field, reason
):
    if "file" in data:
        name, content = data["file"]
        upload = SimpleUploadedFile(name, content, content_type="text/plain")
        data = {"file": upload}
    officials = Official.objects.count()
    response = editor_client.post(IMPORT_URL, {**data, "_save": "Save"})
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(reason in error for error in errors), errors
    assert (Readout.objects.count(), Call.objects.count()) == (0, 0)
    assert Official.objects.count() == officials


def test_a_chosen_language_unlike_the_text_is_applied_and_said(editor_client, vocabulary):
    page = preview(editor_client, seed_text(0), language="en").content.decode()
    assert "You chose English, but the text reads as French; the English rules were" in page
    assert not Readout.objects.exists()


def test_a_refusal_under_the_chosen_rules_says_which_language_the_text_reads_as(
    editor_client, vocabulary
):
    text = " date 2021-05 Le temps était beau à Bakou, et le président a inauguré une école."
    refused = preview(editor_client, text, language="en")
    errors = refused.context["form"].errors["text"]
    assert any("no call framing" in e and "the text reads as French" in e for e in errors)


def test_the_chosen_language_decides_the_rules_and_is_saved(editor_client, vocabulary):
    page = preview(editor_client, seed_text(0), language="fr").content.decode()
    assert "You chose" not in page
    response = save(editor_client, seed_text(0), language="fr", publisher="az-presidency")
    assert response.status_code == 302
    assert Readout.objects.get().language == "fr"


def test_an_english_readout_is_previewed_and_saved_as_the_us_side(editor_client, vocabulary):
    text = ENGLISH_SAMPLE.read_text(encoding="utf-8")
    page = preview(editor_client, text).content.decode()
    assert "English" in page
    assert "Antony Blinken" in page and "Ilham Aliyev" in page
    response = save(editor_client, text, publisher="us-state-department")
    assert response.status_code == 302
    readout = Readout.objects.get()
    assert (readout.language, readout.side, readout.publisher) == (
        "en",
        "US",
        "us-state-department",
    )
    assert readout.statements.exists()
    assert readout.call.participants.filter(official__slug="antony-blinken").exists()


def test_topic_action_retags_with_the_current_cues(editor_client, seeds):
    topic = Topic.objects.get(slug="post-conflict")
    topic.cues_fr = [*topic.cues_fr, "moyens pacifiques"]
    topic.save()
    response = editor_client.post(
        "/admin/readouts/topic/", {"action": "retag", "_selected_action": [topic.pk]}
    )
    assert response.status_code == 302
    statement = seeds[0].readout.statements.get(order=3)
    assert statement.topics.filter(slug="post-conflict").exists()
    messages = [str(m) for m in editor_client.get("/admin/readouts/topic/").context["messages"]]
    assert any(m.startswith("Re-tagged 2 statements") for m in messages), messages


# --- corrections reach the derived parts of the public site ---


def test_a_statements_new_topic_becomes_a_topic_of_its_call(editor_client, call):
    statement = Statement.objects.get(readout__call=call, order=2)
    url = f"/admin/readouts/statement/{statement.pk}/change/"
    data = change_form_data(editor_client.get(url))
    data["topics"] = [str(make_topic("energy").pk)]
    assert editor_client.post(url, data).status_code == 302
    assert "energy" in set(call.topics.values_list("slug", flat=True))
    assert call in Call.objects.filter(topics__slug="energy")


def test_a_deleted_readout_is_no_longer_found_by_search(
    client, seeds, django_user_model, django_capture_on_commit_callbacks
):
    admin_user = django_user_model.objects.create_superuser("root", password="x-long-enough-1")
    client.force_login(admin_user)
    readout = seeds[1].readout
    assert client.get("/", {"q": "charnier"}).context["page_obj"].paginator.count == 1
    with django_capture_on_commit_callbacks(execute=True):  # as when the delete commits
        response = client.post(f"/admin/readouts/readout/{readout.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert client.get("/", {"q": "charnier"}).context["page_obj"].paginator.count == 0


def test_split_off_action_gives_a_wrongly_merged_readout_its_own_call(editor_client, load):
    from .test_merge import FRENCH_AZ, english_us

    french = load(FRENCH_AZ)
    english = load(english_us(), source="state.txt")
    assert english.call == french.call
    response = editor_client.post(
        "/admin/readouts/readout/",
        {"action": "split_off", "_selected_action": [english.readout.pk]},
    )
    assert response.status_code == 302
    english.readout.refresh_from_db()
    assert english.readout.call_id != french.call.pk
    # The old call no longer answers for words only the English readout had.
    found = editor_client.get("/", {"q": "fundamental freedoms"}).context["page_obj"]
    assert [call.pk for call in found.object_list] == [english.readout.call_id]


def test_each_topic_of_the_preview_shows_the_words_that_triggered_it(editor_client, vocabulary):
    text = seed_text(0)
    parsed = ingest.parse_text(text)
    statement = next(s for s in parsed.statements if s.topic_evidence)
    slug, words = next(iter(statement.topic_evidence.items()))
    assert words and words.lower() in statement.text.lower()  # the sentence's own words
    page = preview(editor_client, text).content.decode()
    assert f'<q class="evidence">{escape(words)}</q>' in page
    assert save(editor_client, text, publisher="az-presidency").status_code == 302
    stored = Statement.objects.get(order=statement.order)
    assert stored.topic_evidence[slug] == words
    assert set(stored.topic_evidence) == set(stored.topics.values_list("slug", flat=True))
