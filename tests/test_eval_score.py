"""The evaluation's scoring (readouts/evaluation/score.py): plain data in, figures out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readouts.evaluation.floors import floors_for
from readouts.evaluation.score import norm, prf, score

DATA = Path(__file__).resolve().parent / "data"


def _gold(**overrides):
    entry = {
        "file": "a.txt",
        "date": "2022-04-05",
        "initiator": "Antony Blinken",
        "participants": [{"name": "Ilham Aliyev"}, {"name": "Antony Blinken"}],
        "mentioned_people": [],
        "mentioned_other": ["European Union", "the Lachin corridor road"],
        "topics": ["peace-process", "mass-graves"],
        "statements": [
            {"n": 2, "starts": "Le président a évoqué", "speaker": "Ilham Aliyev"},
            {"n": 3, "starts": "Les parties ont échangé", "speaker": "both"},
        ],
    }
    entry.update(overrides)
    return {"readouts": [entry]}


def _export(**overrides):
    call = {
        "date": "2022-04-05",
        "date_precision": "day",
        "initiator": "Antony Blinken",
        "participants": [{"name": "Antony Blinken"}, {"name": "Ilham Aliyev"}],
        "topics": ["peace-process"],
        "readouts": [
            {
                "source": "a.txt",
                "statements": [
                    {
                        "text": "Le Président a évoqué la paix.",
                        "speaker": "Ilham Aliyev",
                        "topics": ["peace-process"],
                    },
                    {
                        "text": "Les parties ont échangé leurs vues.",
                        "speaker": "Ilham Aliyev",
                        "topics": ["bilateral-relations"],
                    },
                ],
                "mentions": [{"kind": "place", "name": "Lachin Corridor"}],
            }
        ],
    }
    call.update(overrides)
    return {"calls": [call]}


def test_norm_ignores_case_accents_and_spacing():
    assert norm("  Stéphane\u00a0VISCONTI ") == "stephane visconti"


def test_two_empty_topic_sets_agree():
    assert prf(set(), set()) == (1.0, 1.0, 1.0)


def test_a_readout_is_scored_field_by_field():
    summary = score(_export(), _gold())
    t = summary.totals
    assert (t["archived"], t["date"], t["initiator"], t["participants"]) == (1, 1, 1, 1)
    assert t["speaker"] == 0.5  # the joint sentence was given to one side
    assert (t["topic_precision"], t["topic_recall"]) == (0.5, 0.5)
    assert t["mentions"] == 0.5  # a canonical name inside the gold description counts


def test_a_refused_readout_counts_against_every_field():
    summary = score({"calls": []}, _gold())
    assert summary.totals["archived"] == 0
    assert summary.totals["speaker"] == 0
    assert summary.scores[0].speaker_misses == ["#2:missing", "#3:missing"]


def test_acceptable_alternatives_and_no_initiator():
    gold = _gold(date=["2022-04-04", "2022-04-05"], initiator=["Antony Blinken", None])
    assert score(_export(initiator=None), gold).totals["initiator"] == 1
    assert score(_export(), gold).totals["date"] == 1


def test_no_date_in_the_text_wants_month_precision():
    gold = _gold(date=None)
    assert score(_export(date_precision="month"), gold).totals["date"] == 1
    assert score(_export(), gold).totals["date"] == 0


def test_seed_style_mentions_are_read_too():
    gold = _gold(mentioned={"people": [], "places": ["Lachin Corridor"]})
    del gold["readouts"][0]["mentioned_other"]
    assert score(_export(), gold).totals["mentions"] == 1


def test_shortfalls_name_the_fields_below_their_floor():
    summary = score(_export(), _gold())
    assert summary.shortfalls({"speaker": 0.9, "date": 1.0}) == ["speaker"]


@pytest.mark.parametrize("name", ["corpus", "samples", "seeds"])
def test_every_gold_set_in_the_repository_has_floors_and_its_texts(name):
    folder = DATA / name
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    assert floors_for(name)
    for entry in gold["readouts"]:
        assert (folder / entry["file"]).is_file(), entry["file"]


def test_an_unknown_gold_set_gets_the_default_floors():
    assert floors_for("an-editors-new-folder") == floors_for("no-such-set-either")
