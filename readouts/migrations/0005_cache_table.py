"""Create the database cache table with the schema, so every `migrate` leaves a working cache."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0004_editors_group")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
