# Azerbaijani spellings of four US officials (fixtures/officials.json): the parser reads a name
# only by the spellings of its official, and syncing the fixtures only adds missing officials,
# so an existing archive gets them here. A spelling is added where the official is in the
# archive and lacks it; an editor's own spellings are left alone, and none is ever removed.

from django.db import migrations

SPELLINGS = {
    "jd-vance": ["Cey Di Vens", "Vens"],
    "christopher-landau": ["Kristofer Landau"],
    "louis-bono": ["Luis Bono"],
    "steve-witkoff": ["Stiv Vitkoff", "Vitkoff"],
}


def add_spellings(apps, schema_editor):
    Official = apps.get_model("readouts", "Official")
    for official in Official.objects.filter(slug__in=SPELLINGS):
        missing = [name for name in SPELLINGS[official.slug] if name not in official.name_variants]
        if missing:
            official.name_variants = [*official.name_variants, *missing]
            official.save(update_fields=["name_variants"])


class Migration(migrations.Migration):
    dependencies = [("readouts", "0024_topic_cues_azerbaijani")]

    operations = [migrations.RunPython(add_spellings, migrations.RunPython.noop)]
