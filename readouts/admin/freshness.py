"""After an admin write, bring what it touched up to date on the public site.

What is derived from a call (its topics, its search rows, the cached pages) has one owner,
``writing.derived.refresh_derived``; this mixin only says which calls an admin save or delete
touched, before and after the write, and hands them to it.
"""

from ..models import Call, Readout, Statement
from ..writing.derived import archive_changed, refresh_derived


def calls_of(objects) -> set[int]:
    """The calls that these calls, readouts or statements belong to."""
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

    def calls_touched(self, obj) -> set[int]:
        """Calls whose topics or search rows may change when ``obj`` changes."""
        return calls_of([obj])

    def calls_keyed_on(self, obj) -> set[int]:
        """Calls whose stored facet ids hold ``obj`` (an office, topic or concept): a delete
        must refresh them, as the database only nulls or drops the rows that pointed to it."""
        return set()

    def refresh_public_site(self, call_ids) -> None:
        if call_ids:
            refresh_derived(call_ids)
        else:
            archive_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.refresh_public_site(self.calls_touched(form.instance))

    def delete_model(self, request, obj):
        touched = self.calls_touched(obj) | self.calls_keyed_on(obj)
        super().delete_model(request, obj)
        self.refresh_public_site(touched)

    def delete_queryset(self, request, queryset):
        touched = set().union(
            *(self.calls_touched(obj) | self.calls_keyed_on(obj) for obj in queryset)
        )
        super().delete_queryset(request, queryset)
        self.refresh_public_site(touched)
