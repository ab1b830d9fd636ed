# Azerbaijani cues for the topics where the English ones had no counterpart, and regional
# security's French and Azerbaijani cues for regional processes. Syncing the fixtures only adds
# missing topics, so an existing archive gets them here, as 0022 gave it its revision (the same
# rule: each cue added or dropped per topic and language, an editor's own cues left alone).

import importlib

from django.db import migrations

_0022 = importlib.import_module("readouts.migrations.0022_topic_cues_revised")

# (topic slug, field, cues dropped, cues added), from fixtures/topics.json before and after.
CHANGES = [
    ("regional-security", "cues_fr", [], ["processus régionaux", "développements régionaux"]),
    (
        "regional-security",
        "cues_az",
        [],
        ["regional proseslər", "bölgədəki vəziyyət", "regiondakı vəziyyət"],
    ),
    (
        "peace-process",
        "cues_az",
        [],
        [
            "vasitəçi",
            "Qarabağ münaqişə",
            "münaqişənin nizamlan",
            "birbaşa dialoq",
            "sülh yolu",
            "sülhə nail",
        ],
    ),
    ("peace-treaty", "cues_az", [], ["sülh razılaşma"]),
    ("border-delimitation", "cues_az", [], ["sərhəd komissiya", "sərhəd xətt"]),
    ("border-tensions", "cues_az", [], ["eskalasiya", "toqquşma", "atəşə tutul"]),
    ("trilateral-statement", "cues_az", [], ["üçtərəfli razılaşma", "10 noyabr 2020"]),
    (
        "post-conflict",
        "cues_az",
        [],
        [
            "münaqişədən sonrakı",
            "müharibədən sonrakı",
            "azad edilmiş ərazi",
            "azad olunmuş ərazi",
            "reabilitasiya",
        ],
    ),
    ("prisoners", "cues_az", [], ["həbsdə", "hərbi əsir"]),
    ("missing-persons", "cues_az", [], ["taleyi məlum olmayan"]),
    ("mass-graves", "cues_az", [], ["insan qalıq"]),
    (
        "humanitarian-issues",
        "cues_az",
        [],
        ["qaçqın", "məcburi köçkün", "mülki əhali", "mülki şəxs"],
    ),
    (
        "transport-connectivity",
        "cues_az",
        [],
        ["dəmir yol", "dəmiryol", "avtomobil yolu", "tranzit", "TRIPP", "Tramp Marşrut"],
    ),
    (
        "karabakh-armenians",
        "cues_az",
        [],
        ["Qarabağın erməni", "etnik erməni", "Qarabağda yaşayan erməni"],
    ),
    ("energy", "cues_az", [], ["boru kəmər", "karbohidrogen", "Cənub Qaz Dəhliz"]),
    (
        "security-cooperation",
        "cues_az",
        [],
        [
            "təhlükəsizlik sahəsində əməkdaşlıq",
            "müdafiə sahəsində əməkdaşlıq",
            "terrorla mübarizə",
            "terrorçuluğa qarşı",
            "Əfqanıstan",
        ],
    ),
    ("trade-investment", "cues_az", [], ["iqtisadi", "biznes", "sərmayə", "investor", "ticari"]),
    (
        "human-rights",
        "cues_az",
        [],
        [
            "mətbuat azadlığ",
            "media azadlığ",
            "din azadlığ",
            "jurnalist",
            "əsas azadlıq",
            "demokratik",
        ],
    ),
    (
        "regional-conflicts",
        "cues_az",
        [],
        ["Ukrayna", "İran", "Yaxın Şərq", "Qəzza", "İsrail", "Rusiya", "Belarus"],
    ),
    ("condolences", "cues_az", [], ["təziyə", "hüznlə"]),
]


def revise(apps, schema_editor):
    _0022.revise_with(apps, CHANGES, forwards=True)


def restore(apps, schema_editor):
    _0022.revise_with(apps, CHANGES, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0023_tsquery_any_of")]

    operations = [migrations.RunPython(revise, restore)]
