"""``generate_demo_archive --calls N --seed S``: fill the database with synthetic demo calls.

The same arguments give the same calls: run again (after an interrupted run, say), it adds only
the calls not yet written.
"""

import time

from django.core.management.base import BaseCommand

from bench.demo_archive import generate
from readouts.cache import writes_in_a_row
from readouts.writing.reference import sync_reference_data


class Command(BaseCommand):
    help = "Add N synthetic calls (marked as demo data) for benchmarks and demonstrations."

    def add_arguments(self, parser):
        parser.add_argument("--calls", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, calls, seed, batch_size, verbosity, **options):
        started = time.monotonic()
        sync_reference_data()
        composed = added = 0
        with writes_in_a_row():  # one new archive version, prepared once, at the end
            for composed, added in generate(calls, seed, batch_size):
                if verbosity > 1:
                    self.stdout.write(f"{composed} calls ({added} added)")
        elapsed = time.monotonic() - started
        already = f", {composed - added} already there" if added < composed else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{added} demo calls written in {elapsed:.1f} s (seed {seed}{already})."
            )
        )
