"""``rebuild_search_index``: index every call again, e.g. after ``loaddata`` restored a backup.

The search tables belong to the database engine and are left out of dumps; a restore fills the
archive's own tables only, so this makes the restored archive searchable again. It also
recomputes the derived columns that hold ids as text (``derived.refresh_id_lists``): a restore
gives officials, offices, topics and concepts new ids, which the text would not follow.
"""

from django.core.management.base import BaseCommand

from readouts.cache import bump_archive_version
from readouts.models import Call
from readouts.search.index import rebuild_search_index
from readouts.writing.derived import refresh_id_lists


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index, and the derived lists of ids, from the calls, "
        "readouts and statements."
    )

    def handle(self, *args, **options):
        rebuild_search_index()
        refresh_id_lists()
        bump_archive_version()  # searches cached before the rebuild counted the old index
        self.stdout.write(self.style.SUCCESS(f"{Call.objects.count()} calls indexed."))
