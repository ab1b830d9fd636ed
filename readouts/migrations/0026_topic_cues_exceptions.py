# Cues that tagged a neighbour's words: a corridor of gas is energy, not transport; the armed
# forces of Armenia are no security cooperation; "les démarches entreprises" (steps taken) are
# no companies. As 0024, an existing archive gets them here; a cue an editor added or removed
# meanwhile stays so.

import importlib

from django.db import migrations

_0022 = importlib.import_module("readouts.migrations.0022_topic_cues_revised")

# (topic slug, field, cues dropped, cues added), from fixtures/topics.json before and after.
CHANGES = [
    ("transport-connectivity", "cues_en", ["corridor"], ["corridor -gas"]),
    ("transport-connectivity", "cues_fr", ["corridor"], ["corridor -gazier"]),
    ("transport-connectivity", "cues_az", ["dəhliz"], ["dəhliz -qaz"]),
    ("security-cooperation", "cues_en", ["armed forces"], ["armed forces -armenia -armenian"]),
    ("security-cooperation", "cues_fr", ["forces armées"], ["forces armées -arménie -arménien"]),
    (
        "trade-investment",
        "cues_fr",
        ["entreprises"],
        ["entreprises -démarches -mesures -actions -initiatives"],
    ),
]


def revise(apps, schema_editor):
    _0022.revise_with(apps, CHANGES, forwards=True)


def restore(apps, schema_editor):
    _0022.revise_with(apps, CHANGES, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0025_official_spellings_azerbaijani")]

    operations = [migrations.RunPython(revise, restore)]
