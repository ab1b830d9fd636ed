"""Create the kept pages' cache table (``settings.CACHES["pages"]`` on PostgreSQL)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0015_call_facet_keys")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
