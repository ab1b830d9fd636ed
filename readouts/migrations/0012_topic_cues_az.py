# Topic.cues_az: the Azerbaijani cues, which lived in the Azerbaijani rule set
# (readouts/parsing/azerbaijani.py) while topics had no field for them.

from django.db import migrations, models

# The rule set's cues as they stood, for the topics a database already holds: syncing the
# fixtures only adds missing topics, so without this an existing archive would lose its
# Azerbaijani tagging. New topics take theirs from fixtures/topics.json.
CUES_AZ = {
    "bilateral-relations": [
        "ikitərəfli münasibət",
        "ikitərəfli əməkdaşlıq",
        "tərəfdaşlıq",
        "Azərbaycan-ABŞ münasibət",
        "strateji dialoq",
    ],
    "regional-security": [
        "regionda sülh",
        "bölgədə sülh",
        "regional sülh",
        "sülh sabitli",
        "sülh təhlükəsizli",
        "regional təhlükəsizli",
        "cari vəziyyət",
        "bölgədəki gərginli",
        "regiondakı gərginli",
        "regionda vəziyyət",
    ],
    "peace-process": [
        "danışıqlar",
        "sülh prosesi",
        "sülh gündəliy",
        "normallaş",
        "diplomatik yolla",
        "münaqişənin həlli",
    ],
    "peace-treaty": ["sülh müqavilə", "sülh saziş"],
    "border-delimitation": ["delimitasiya", "demarkasiya", "sərhədlərin müəyyənləşdirilmə"],
    "border-tensions": ["gərginli", "təxribat", "atəşk", "sərhəd insident"],
    "trilateral-statement": ["üçtərəfli bəyanat"],
    "post-conflict": ["Böyük Qayıdış", "bərpa", "yenidənqurma"],
    "prisoners": ["məhbus", "əsir", "saxlanılan"],
    "missing-persons": ["itkin"],
    "mass-graves": ["kütləvi məzarlıq"],
    "humanitarian-issues": ["humanitar"],
    "transport-connectivity": ["nəqliyyat", "kommunikasiya", "dəhliz", "yolların açılma"],
    "karabakh-armenians": ["reinteqrasiya", "erməni sakin", "erməni əhali"],
    "energy": ["enerji", "neft", "qaz kəməri"],
    "security-cooperation": ["hərbi əməkdaşlıq", "terrorizm"],
    "trade-investment": ["ticarət", "investisiya", "iqtisadi əməkdaşlıq"],
    "human-rights": ["insan hüquq", "demokratiya", "vətəndaş cəmiyyət"],
    "climate": ["iqlim", "COP29", "COP 29"],
    "condolences": ["başsağlığı", "təbrik"],
}


def fill_cues_az(apps, schema_editor):
    Topic = apps.get_model("readouts", "Topic")
    for topic in Topic.objects.filter(slug__in=CUES_AZ):
        if not topic.cues_az:
            topic.cues_az = CUES_AZ[topic.slug]
            topic.save(update_fields=["cues_az"])


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0011_thesaurus"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="cues_az",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(fill_cues_az, migrations.RunPython.noop),
    ]
