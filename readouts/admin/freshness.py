"""After an admin write, bring what it touched up to date on the public site.

A call's topics are the union of its statements' topics and its search row is built from its
readouts and participants: both are derived, so every admin write that can change them
recomputes them for the calls it touched (before and after the write), then retires the cached
page fragments once the transaction commits.
"""

from django.db import transaction

from ..cache import bump_archive_version
from ..models import Call, Readout, Statement, Topic
from ..search_index import refresh_calls


def refresh_derived(call_ids) -> None:
    """Recompute the topics and the search rows of these calls (those that still exist)."""
    calls = list(Call.objects.filter(pk__in=set(call_ids)))
    for call in calls:
        call.topics.set(Topic.objects.filter(statements__readout__call=call).distinct())
    refresh_calls([call.pk for call in calls])
    transaction.on_commit(bump_archive_version)


def calls_of(objects) -> set[int]:
    """The calls that readouts or statements (or calls) belong to."""
    ids = set()
    for obj in objects:
        if isinstance(obj, Call):
            ids.add(obj.pk)
        elif isinstance(obj, Readout):
            ids.add(obj.call_id)
        elif isinstance(obj, Statement):
            ids.add(obj.readout.call_id)
    return ids


class KeepsPublicSiteFresh:
    """A correction shows on the public site (search included) as soon as it is saved."""

    def readouts_touched(self, obj) -> list[int]:
        """Readouts whose calls must be recomputed after ``obj`` changed."""
        return []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.refresh_public_site(self.readouts_touched(form.instance))

    def delete_model(self, request, obj):
        touched = calls_of([obj])
        super().delete_model(request, obj)
        refresh_derived(touched)

    def delete_queryset(self, request, queryset):
        touched = calls_of(queryset)
        super().delete_queryset(request, queryset)
        refresh_derived(touched)

    @staticmethod
    def refresh_public_site(readout_ids) -> None:
        call_ids = Readout.objects.filter(pk__in=list(readout_ids)).values_list("call", flat=True)
        refresh_derived(call_ids)
