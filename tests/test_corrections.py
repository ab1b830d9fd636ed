"""Staff corrections survive ``load_readouts --update``; merging officials loses nothing."""

import datetime as dt
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from readouts.models import Call, Official, Participant, Statement, Tenure, Topic
from readouts.writing.corrections import last_edit, mark_edited, merge_officials, retag_statements

from .conftest import SEEDS
from .factories import make_call, make_office, make_official


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password="x", is_staff=True)


@pytest.fixture
def seed_file(tmp_path, db):
    path = tmp_path / SEEDS[0].name
    shutil.copy(SEEDS[0], path)
    return path


def load_readouts(*args) -> str:
    out = StringIO()
    call_command("load_readouts", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def revise(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_update_keeps_edited_statements_and_reparses_the_rest(seed_file, alice):
    load_readouts(str(seed_file))
    call = Call.objects.get()
    corrected = Statement.objects.get(readout__call=call, order=7)
    corrected.text = "Le Président azerbaïdjanais a hautement apprécié la situation post-conflit."
    mark_edited(corrected, alice)
    corrected.save()
    corrected.topics.set([Topic.objects.get(slug="bilateral-relations")])

    revise(seed_file, "a apprécié beaucoup", "a beaucoup apprécié")
    revise(seed_file, "les récentes tensions", "les tensions récentes")
    out = load_readouts("--update", str(seed_file))

    assert "1 updated" in out
    assert f"{seed_file}: kept statement 7 (edited by alice on " in out
    kept = Statement.objects.get(pk=corrected.pk)
    assert kept.text == corrected.text
    assert list(kept.topics.values_list("slug", flat=True)) == ["bilateral-relations"]
    assert kept.edited_by == alice
    reparsed = Statement.objects.get(readout__call=call, order=3)
    assert "les tensions récentes" in reparsed.text
    assert reparsed.edited_at is None
    assert Statement.objects.filter(readout__call=call).count() == 9
    # The call's topics follow its statements, the kept one included.
    assert call.topics.filter(slug="bilateral-relations").exists()


def test_without_edits_update_replaces_every_statement(seed_file):
    load_readouts(str(seed_file))
    revise(seed_file, "a apprécié beaucoup", "a beaucoup apprécié")
    out = load_readouts("--update", str(seed_file))
    assert "kept" not in out
    assert "a beaucoup apprécié" in Statement.objects.get(order=7).text


def test_update_keeps_edited_participants_and_call_date(seed_file, alice):
    load_readouts(str(seed_file))
    call = Call.objects.get()
    sullivan = Participant.objects.get(call=call, official__slug="jake-sullivan")
    sullivan.title_as_written = "conseiller à la sécurité nationale"
    mark_edited(sullivan, alice)
    sullivan.save()
    call.date = dt.date(2021, 5, 18)
    mark_edited(call, alice)
    call.save()

    revise(seed_file, "lundi 17 mai", "lundi 17 mai 2021")
    out = load_readouts("--update", str(seed_file))

    assert "kept participant Jake Sullivan (edited by alice on " in out
    assert "kept the call's date 2021-05-18" in out
    call.refresh_from_db()
    assert call.date == dt.date(2021, 5, 18)
    assert Participant.objects.get(pk=sullivan.pk).title_as_written == (
        "conseiller à la sécurité nationale"
    )
    assert sorted(call.participants.values_list("official__slug", flat=True)) == [
        "ilham-aliyev",
        "jake-sullivan",
    ]


def test_last_edit_is_the_latest_of_call_participants_and_statements(db, alice, django_user_model):
    bob = django_user_model.objects.create_user("bob", password="x", is_staff=True)
    aliyev = make_official("Ilham Aliyev", country="AZ")
    call = make_call("2023-02-03", [aliyev], statements=[(aliyev, "Texte.", [], "")])
    assert last_edit(call) is None
    mark_edited(call, alice)
    call.save()
    statement = Statement.objects.get(readout__call=call)
    mark_edited(statement, bob)
    statement.save()
    assert last_edit(call).edited_by == bob


def test_merge_keeps_details_when_both_officials_were_on_the_same_call(db, alice):
    office = make_office()
    target = make_official("Antony Blinken", country="US")
    duplicate = make_official(
        "Blinken",
        country="",
        slug="blinken",
        office=office,
        start=dt.date(2021, 1, 26),
        needs_review=True,
        name_variants=["Блинкен"],
    )
    aliyev = make_official("Ilham Aliyev", country="AZ")
    call = make_call("2023-02-03", [aliyev, target])
    Participant.objects.filter(call=call, official=target).update(title_as_written="", office=None)
    call.participants.create(
        official=duplicate, title_as_written="Secrétaire d'État", office=office, position=2
    )

    merge_officials([duplicate], target, user=alice)

    assert not Official.objects.filter(slug="blinken").exists()
    kept = Participant.objects.get(call=call, official=target)
    assert (kept.title_as_written, kept.office) == ("Secrétaire d'État", office)
    assert kept.edited_by == alice
    assert call.participants.count() == 2
    target.refresh_from_db()
    assert target.name_variants == ["Blinken", "Блинкен"]
    assert Tenure.objects.get(office=office).official == target


def test_merge_is_all_or_nothing(db, monkeypatch):
    target = make_official("Antony Blinken", country="US")
    duplicate = make_official("A. Blinken", slug="a-blinken")
    aliyev = make_official("Ilham Aliyev", country="AZ")
    make_call("2023-02-03", [aliyev, duplicate], initiator=duplicate)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Official, "delete", fail)
    with pytest.raises(RuntimeError):
        merge_officials([duplicate], target)
    assert Participant.objects.filter(official=duplicate).exists()
    assert Call.objects.get().initiator == duplicate


def topics_of(statement):
    return set(statement.topics.values_list("slug", flat=True))


def test_retagging_follows_the_lexicon_but_spares_hand_edited_statements(seeds, alice):
    readout = seeds[0].readout
    topic = Topic.objects.get(slug="post-conflict")
    topic.cues_fr = [*topic.cues_fr, "moyens pacifiques"]
    topic.save()
    edited = readout.statements.get(order=9)
    mark_edited(edited, alice)
    edited.save()
    assert "post-conflict" not in topics_of(readout.statements.get(order=3))

    report = retag_statements(Topic.objects.filter(slug="post-conflict"))

    assert "post-conflict" in topics_of(readout.statements.get(order=3))
    assert "post-conflict" in topics_of(readout.statements.get(order=7))  # still cued
    assert topics_of(edited) == {"border-tensions", "peace-process"}
    assert report.kept_edited == 1
    assert report.changed >= 1
    # Other topics of a re-tagged statement are not touched.
    assert {"border-tensions", "peace-process"} <= topics_of(readout.statements.get(order=3))


def test_retagging_removes_a_topic_whose_cue_was_dropped(seeds):
    call = seeds[0].call
    topic = Topic.objects.get(slug="post-conflict")
    topic.cues_fr = []
    topic.save()
    report = retag_statements([topic])
    assert not Statement.objects.filter(readout__call=call, topics=topic).exists()
    assert not call.topics.filter(slug="post-conflict").exists()
    assert report.changed == 1
