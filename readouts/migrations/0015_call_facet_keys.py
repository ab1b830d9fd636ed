from collections import defaultdict

from django.db import migrations, models

BATCH = 2000


def fill(apps, schema_editor):
    """Existing calls get the keys ``writing.derived.refresh_call_columns`` writes, computed
    from the historical models (a migration must not run today's code against yesterday's
    tables)."""
    Call = apps.get_model("readouts", "Call")
    Participant = apps.get_model("readouts", "Participant")
    Mention = apps.get_model("readouts", "Mention")
    using = schema_editor.connection.alias
    ids = list(Call.objects.using(using).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        keys = defaultdict(set)
        for call_id, official_id, office_id in (
            Participant.objects.using(using)
            .filter(call_id__in=batch)
            .values_list("call_id", "official_id", "office_id")
        ):
            keys[call_id].add(f"official:{official_id}")
            if office_id is not None:
                keys[call_id].add(f"office:{office_id}")
        for call_id, topic_id in (
            Call.topics.through.objects.using(using)
            .filter(call_id__in=batch)
            .values_list("call_id", "topic_id")
        ):
            keys[call_id].add(f"topic:{topic_id}")
        for call_id, concept_id in (
            Mention.objects.using(using)
            .filter(readout__call_id__in=batch, concept__isnull=False)
            .values_list("readout__call_id", "concept_id")
        ):
            keys[call_id].add(f"concept:{concept_id}")
        Call.objects.using(using).bulk_update(
            [Call(pk=pk, facet_keys=" ".join(sorted(keys[pk]))) for pk in batch],
            ["facet_keys"],
            batch_size=500,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0014_page_summaries"),
    ]

    operations = [
        migrations.AddField(
            model_name="call",
            name="facet_keys",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
