"""``export_dataset DIR``: the whole archive as a citable dataset (see ``readouts.dataset``)."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from readouts.dataset.files import write_dataset


class Command(BaseCommand):
    help = (
        "Write every table (demo calls excluded) as JSON Lines and CSV, a SQLite file, the data "
        "dictionary, the topic vocabulary, datapackage.json and CITATION.cff into DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The site's address, for the citation (default: $DJANGO_SITE_URL or the dev "
            "server).",
        )

    def handle(self, *args, directory, base_url, verbosity, **options):
        version = dt.datetime.now(dt.UTC).replace(microsecond=0)
        counts = write_dataset(directory, version=version, base_url=base_url)
        if verbosity:
            for table, count in counts.items():
                self.stdout.write(f"{table}: {count} rows")
            self.stdout.write(self.style.SUCCESS(f"Dataset written to {directory}"))
