"""After an admin write, re-index what it touched and retire cached page fragments."""

from django.db import transaction

from ..cache import bump_archive_version
from ..search_index import refresh_search_index


class KeepsPublicSiteFresh:
    """A correction shows on the public site (search included) as soon as it is saved."""

    def readouts_touched(self, obj) -> list[int]:
        """Readouts whose calls the search index must rebuild after ``obj`` changed."""
        return []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.refresh_public_site(self.readouts_touched(form.instance))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(bump_archive_version)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(bump_archive_version)

    @staticmethod
    def refresh_public_site(readout_ids) -> None:
        readout_ids = list(readout_ids)
        if readout_ids:
            refresh_search_index(readout_ids)  # also retires cached fragments once committed
        else:
            transaction.on_commit(bump_archive_version)
