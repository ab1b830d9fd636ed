# ruff: noqa: E501 (the cues are data, each kept whole on its line)
# The topic cues revised with the parser's stricter cue matching (readouts/parsing/topics.py: a
# cue word matches its inflections only, and words a cue joins with "and" must be joined so in
# the sentence; "+word" asks for a word of context). Syncing the fixtures only adds missing
# topics, so an existing archive gets the revision here: each cue dropped, each cue added, per
# topic and language, leaving alone any cue an editor added or removed meanwhile.

from django.db import migrations

# (topic slug, field, cues dropped, cues added), from fixtures/topics.json before and after.
CHANGES = [
    (
        "bilateral-relations",
        "cues_fr",
        ["les deux pays"],
        [
            "les deux pays -arménie -arménien -erevan -médiation -médiateur -normalisation -traité -frontière"
        ],
    ),
    (
        "bilateral-relations",
        "cues_en",
        ["both countries", "two countries", "relations between the two countries"],
        [
            "both countries -armenia -armenian -armenians -yerevan -mediation -mediator -normalization -normalisation -treaty -border",
            "two countries -armenia -armenian -armenians -yerevan -mediation -mediator -normalization -normalisation -treaty -border",
            "relations between the two countries -armenia -armenian -armenians -yerevan -mediation -mediator -normalization -normalisation -treaty -border",
        ],
    ),
    ("bilateral-relations", "cues_az", [], ["ikitərəfli gündəli"]),
    (
        "regional-security",
        "cues_fr",
        [],
        [
            "paix dans le Caucase du Sud",
            "stabilité dans le Caucase du Sud",
            "sécurité dans le Caucase du Sud",
        ],
    ),
    (
        "regional-security",
        "cues_en",
        [],
        [
            "peace in the South Caucasus",
            "stability in the South Caucasus",
            "security in the South Caucasus",
            "de-escalate",
        ],
    ),
    (
        "regional-security",
        "cues_az",
        ["sülh sabitli", "sülh təhlükəsizli"],
        [
            "sülh və sabitli",
            "sülh və təhlükəsizli",
            "regionda davamlı sülh",
            "bölgədə davamlı sülh",
            "Cənubi Qafqazda sülh",
        ],
    ),
    (
        "peace-process",
        "cues_fr",
        [],
        [
            "paix durable",
            "normaliser les relations",
            "médiateur",
            "négociations +paix +arménie +arménien +erevan +normalisation +normaliser +karabagh +karabakh +minsk -traité -accord -délimitation -démarcation",
            "pourparlers +paix +arménie +arménien +erevan +normalisation +normaliser +karabagh +karabakh +minsk -traité -accord -délimitation -démarcation",
        ],
    ),
    (
        "peace-process",
        "cues_en",
        [],
        [
            "durable peace",
            "lasting peace",
            "peace settlement",
            "normalize relations",
            "normalise relations",
            "mediator",
            "negotiations +peace +armenia +armenian +armenians +yerevan +normalization +normalisation +normalize +normalise +karabakh +minsk -treaty -agreement -delimitation -demarcation",
            "talks +peace +armenia +armenian +armenians +yerevan +normalization +normalisation +normalize +normalise +karabakh +minsk -treaty -agreement -delimitation -demarcation",
        ],
    ),
    ("peace-process", "cues_az", [], ["davamlı sülh"]),
    ("border-tensions", "cues_en", [], ["provocative", "escalate"]),
    ("landmines", "cues_az", [], ["mina"]),
    ("energy", "cues_fr", ["gaz"], ["gaz -explosion -fuite"]),
    ("climate", "cues_az", [], ["yaşıl enerji", "yaşıl keçid", "enerji keçid"]),
    ("condolences", "cues_fr", ["vœux"], ["vœux -succès"]),
    ("condolences", "cues_en", ["wishes"], ["wishes -success -successful"]),
]


def revise_with(apps, changes, forwards):
    """Apply (or undo) ``changes``, each (slug, field, dropped, added); 0024 does the same."""
    Topic = apps.get_model("readouts", "Topic")
    topics = {t.slug: t for t in Topic.objects.filter(slug__in={c[0] for c in changes})}
    for slug, field, dropped, added in changes:
        topic = topics.get(slug)
        if topic is None:
            continue
        gone, new = (dropped, added) if forwards else (added, dropped)
        cues = [cue for cue in getattr(topic, field) if cue not in gone]
        cues += [cue for cue in new if cue not in cues]
        setattr(topic, field, cues)
    for topic in topics.values():
        topic.save(update_fields=["cues_fr", "cues_en", "cues_az"])


def revise(apps, schema_editor):
    revise_with(apps, CHANGES, forwards=True)


def restore(apps, schema_editor):
    revise_with(apps, CHANGES, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0021_statement_topic_ids")]

    operations = [migrations.RunPython(revise, restore)]
