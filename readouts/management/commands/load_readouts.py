"""``load_readouts PATH...``: read readout files into the archive, one transaction per file.

A folder may carry a ``SOURCES.tsv`` manifest (``writing/manifest.py``) giving each file's
source URL, publisher, publication date and language; ``--manifest PATH`` names one elsewhere.
A malformed manifest stops the run before anything is written; a row with a bad value, a file
with no row and a row with no file are each reported against that file.
"""

import sys
from collections import Counter, defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from readouts.cache import writes_in_a_row
from readouts.parsing import ParseError
from readouts.parsing.publishers import PUBLISHERS
from readouts.writing import ingest
from readouts.writing.manifest import FILE_NAME, ManifestError, Source, read_manifest
from readouts.writing.reference import sync_reference_data
from readouts.writing.vocabulary import Vocabulary


def readout_files(paths: list[str]) -> list[Path]:
    """The files to load, each once even when two arguments reach it."""
    files = {}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(path.rglob("*.txt"))
        elif path.exists():
            found = [path]
        else:
            raise CommandError(f"{name}: no such file or folder")
        for file in found:
            files.setdefault(file.resolve(), file)
    return list(files.values())


def same_names(files: list[Path]) -> dict[Path, list[Path]]:
    """Each file whose name another file in the run shares, with those others.

    A readout's source is its file name, so two such files would be taken for one source: the
    second would be a conflict, or with ``--update`` would replace the first one's readout.
    """
    by_name = defaultdict(list)
    for path in files:
        by_name[path.name].append(path)
    return {
        path: [other for other in group if other != path]
        for group in by_name.values()
        if len(group) > 1
        for path in group
    }


def manifest_rows(paths: list[str], manifest: Path | None) -> dict[str, Source] | None:
    """The rows of ``--manifest``, or of the manifests beside the given folders and files
    (None when there is none); raises ``ManifestError``."""
    manifests = [manifest] if manifest is not None else []
    for name in paths:
        candidate = (Path(name) if Path(name).is_dir() else Path(name).parent) / FILE_NAME
        if candidate.is_file() and candidate.resolve() not in {m.resolve() for m in manifests}:
            manifests.append(candidate)
    if not manifests:
        return None
    rows: dict[str, Source] = {}
    for path in manifests:
        for name, row in read_manifest(path).items():
            if name in rows and rows[name] != row:
                raise ManifestError(f"{path}: {name} has another row in another manifest")
            rows[name] = row
    return rows


def files_missing(rows: dict[str, Source], folders: list[Path]) -> list[str]:
    """The rows whose file is in none of these folders (searched recursively)."""
    present = {path.name for folder in folders for path in folder.rglob("*.txt")}
    return sorted(set(rows) - present)


class Command(BaseCommand):
    help = "Load readout texts (files, or folders searched recursively for *.txt) into the archive."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-parse a file whose text changed since it was loaded (default: report it).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Parse and report what would change, then roll everything back.",
        )
        parser.add_argument(
            "--manifest",
            type=Path,
            help=f"A {FILE_NAME} for these files (default: the one beside them, if any).",
        )
        parser.add_argument(
            "--publisher",
            choices=sorted(PUBLISHERS),
            default="",
            help="Who published these readouts, when the text does not say.",
        )

    def handle(self, *args, paths, update, publisher, manifest, dry_run, verbosity, **options):
        files = readout_files(paths)
        try:
            sources = manifest_rows(paths, manifest)
        except ManifestError as error:
            raise CommandError(f"{error}; nothing was loaded") from None
        if dry_run:
            with transaction.atomic():
                counts = self._load(files, sources, update, publisher, verbosity)
                transaction.set_rollback(True)
        else:
            with writes_in_a_row():  # the first pages are prepared once, after the last file
                counts = self._load(files, sources, update, publisher, verbosity)
        summary = ", ".join(
            f"{counts[status]} {status}"
            for status in ("created", "merged", "updated", "unchanged", "conflict", "failed")
            if counts[status] or status in ("created", "unchanged", "updated", "failed")
        )
        failed = counts["failed"] or counts["conflict"]
        style = self.style.ERROR if failed else self.style.SUCCESS
        dry = " (dry run: nothing was written)" if dry_run else ""
        self.stdout.write(style(f"{counts.total()} files: {summary}{dry}"))
        if failed:
            raise CommandError("some files were not loaded (see above)", returncode=1)

    def _load(self, files, sources, update, publisher, verbosity) -> Counter:
        """Each file is written in its own transaction by ingest: a bad file changes nothing.

        ``sources`` maps a file's name to its manifest row, or is None without a manifest.
        """
        sync_reference_data()
        vocabulary = Vocabulary.from_database()
        counts = Counter()
        clashes = same_names(files)
        for path, others in clashes.items():
            counts["failed"] += 1
            self.stderr.write(
                f"{path}: another file in this run has the same name "
                f"({', '.join(map(str, others))}); the archive identifies a file by its name, "
                "so rename one of them"
            )
        files = [path for path in files if path not in clashes]
        if sources is not None:
            files = self._with_rows(files, sources, counts)
        show_progress = len(files) > 20 and sys.stderr.isatty() and verbosity > 0
        for path in tqdm(files, disable=not show_progress, unit="file"):
            # The manifest's row is more specific than the command line's --publisher.
            origin = {"publisher": publisher}
            if sources:
                origin |= sources[path.name].ingest_options()
            try:
                result = ingest.ingest_bytes(
                    path.read_bytes(),
                    source=path.name,
                    update=update,
                    vocabulary=vocabulary,
                    **origin,
                )
            except (ParseError, OSError) as error:
                counts["failed"] += 1
                self.stderr.write(f"{path}: {error}")
                continue
            except Exception as error:
                # Ingest rolled this file back; one file's bug (a race on a new official, a
                # parser crash) must not keep the rest of the run from loading.
                counts["failed"] += 1
                self.stderr.write(f"{path}: unexpected error: {type(error).__name__}: {error}")
                continue
            counts[result.status] += 1
            self._report(path, result, verbosity)
        return counts

    def _with_rows(self, files, sources: dict[str, Source], counts) -> list[Path]:
        """The files the manifest describes well; the others are reported and fail."""
        folders = {path.parent for path in files}
        for name in files_missing(sources, sorted(folders)):
            counts["failed"] += 1
            self.stderr.write(f"{FILE_NAME}: {name}: listed, but there is no such file")
        kept = []
        for path in files:
            row = sources.get(path.name)
            if row is None:
                counts["failed"] += 1
                self.stderr.write(f"{path}: no row in {FILE_NAME} (add one, or load it alone)")
            elif row.problem:
                counts["failed"] += 1
                self.stderr.write(f"{path}: {FILE_NAME}: {row.problem}")
            else:
                kept.append(path)
        return kept

    def _report(self, path, result, verbosity):
        if result.status == ingest.Status.CONFLICT:
            self.stderr.write(
                f"{path}: conflict: a different text from this source is already loaded "
                f"({result.call.get_absolute_url()}); run again with --update to replace it"
            )
            return
        if verbosity >= 2 or (verbosity >= 1 and result.status != ingest.Status.UNCHANGED):
            self.stdout.write(f"{path}: {result.status} {result.call.get_absolute_url()}")
        if verbosity >= 1:
            for correction in result.kept:
                self.stdout.write(f"{path}: kept {correction}")
            for warning in result.warnings:
                self.stdout.write(self.style.WARNING(f"{path}: warning: {warning}"))
