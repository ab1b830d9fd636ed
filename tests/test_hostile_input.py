"""Bad and hostile files given to ``load_readouts``: each is refused with its reason and leaves
the database exactly as it was, or, where the file is acceptable, loads correctly."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.urls import reverse

from readouts.admin.forms import ImportReadoutForm
from readouts.models import Official, Readout

from .conftest import SEEDS

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"

# file -> the reason load_readouts must print for it
REFUSED = {
    "two-calls-in-one-file.txt": "two readouts in one file: a second ' date' header on line 13",
    "empty.txt": "empty file",
    "whitespace-only.txt": "empty file",
    "header-only.txt": "empty text: the header is followed by nothing",
    "wrong-header.txt": "unreadable header: expected ' date YYYY-MM', found 'date 10/2022",
    "impossible-month.txt": "unreadable header: month 13 in 'date 2022-13' does not exist",
    "latin-1.txt": "not UTF-8 (invalid byte at offset 34)",
    # UTF-16 puts a NUL beside every ASCII letter: refused as binary, which it is to a UTF-8 reader.
    "utf-16.txt": "binary file (NUL byte at offset 3)",
    "binary.txt": "binary file (NUL byte at offset 8)",
    "nul-in-text.txt": "binary file (NUL byte at offset 318)",
    "html-page.txt": "no call framing: the first sentence does not describe a phone call",
    "no-call-framing.txt": "no call framing: the first sentence does not describe a phone call",
    "no-participant.txt": "no participant found: the framing sentence names no official",
}


def database_dump() -> str:
    out = io.StringIO()
    # Every table of the archive; the search index is the engine's own derivative of them.
    call_command(
        "dumpdata",
        "readouts",
        "--exclude=readouts.CallSearchDocument",
        "--exclude=readouts.StatementSearchDocument",
        "--indent=1",
        stdout=out,
    )
    return out.getvalue()


def load_readouts(path: Path) -> tuple[int, str]:
    """Run the command as an operator would; returns its exit status and what it wrote on stderr."""
    err = io.StringIO()
    try:
        call_command("load_readouts", str(path), stdout=io.StringIO(), stderr=err)
    except CommandError as error:
        return error.returncode, err.getvalue()
    return 0, err.getvalue()


def assert_refused_without_a_trace(path: Path, reason: str) -> None:
    before = database_dump()
    status, stderr = load_readouts(path)
    assert status == 1
    assert f"{path}: {reason}" in stderr
    assert database_dump() == before


def test_the_corpus_holds_every_file_this_module_names():
    named = set(REFUSED) | set(ACCEPTED) | {"utf-8-bom-crlf.txt"}
    assert named == {p.name for p in HOSTILE.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_is_refused_with_its_reason_and_the_database_is_unchanged(seeds, name):
    assert_refused_without_a_trace(HOSTILE / name, REFUSED[name])


def test_a_five_megabyte_file_is_refused_before_it_is_parsed(seeds, tmp_path):
    huge = tmp_path / "five-megabytes.txt"
    seed = SEEDS[0].read_bytes()
    huge.write_bytes(seed * (5_000_000 // len(seed) + 1))
    size = huge.stat().st_size
    assert_refused_without_a_trace(huge, f"too large ({size} bytes; the limit is 1 MB)")


# Acceptable files: each loads, and loads right.


def test_a_seed_saved_with_a_bom_and_windows_line_endings_is_the_seed_itself(seeds):
    # The same published text, re-saved by a Windows editor: nothing new to store.
    assert load_readouts(HOSTILE / "utf-8-bom-crlf.txt") == (0, "")
    assert Readout.objects.count() == len(seeds)
    assert not Readout.objects.filter(source="utf-8-bom-crlf.txt").exists()


def accepts_control_characters_verbatim(result_call, seeds):
    # Readouts are kept exactly as published; pages and JSON escape what they show.
    assert Readout.objects.filter(call=result_call, text__contains="\x1b[31m").exists()
    assert result_call == seeds[1].call


def matches_a_known_official_under_an_unknown_title(result_call, seeds):
    # "Grand Chambellan des États-Unis" is no title the gazetteer knows, but the name is.
    participants = set(result_call.participants.values_list("official__slug", flat=True))
    assert participants == {"ilham-aliyev", "antony-blinken"}
    assert not Official.objects.filter(needs_review=True).exists()


def gives_joint_statements_to_both_sides(result_call, seeds):
    readout = result_call.readouts.get(source="only-joint-statements.txt")
    statements = list(readout.statements.all())
    assert len(statements) == 2
    assert all(statement.speaker is None for statement in statements)


def keeps_non_latin_unknown_officials_apart(result_call, seeds):
    # Both names once folded to the slug "": one person, no URL, 500s on every page naming them.
    unknown = dict(Official.objects.filter(needs_review=True).values_list("slug", "name"))
    assert unknown == {
        "vardan-oganesyan": "Вардан Оганесян",
        "nikos-stathopoylos": "Νίκος Σταθόπουλος",
    }
    participants = set(result_call.participants.values_list("official__slug", flat=True))
    assert participants == {"antony-blinken", *unknown}


def archives_a_russian_readout_by_names_for_review(result_call, seeds):
    # No Russian rules: read by the officials' names and the header, never by the French rules.
    readout = result_call.readouts.get(source="russian-text.txt")
    assert readout.language == "ru"
    assert {f["flag"] for f in readout.review_flags} >= {"language"}
    assert [s.speaker for s in readout.statements.all()] == [None]
    participants = set(result_call.participants.values_list("official__slug", flat=True))
    assert participants == {"ilham-aliyev", "antony-blinken"}


ACCEPTED = {
    "russian-text.txt": archives_a_russian_readout_by_names_for_review,
    "non-latin-unknown-officials.txt": keeps_non_latin_unknown_officials_apart,
    "control-characters.txt": accepts_control_characters_verbatim,
    "known-official-unknown-title.txt": matches_a_known_official_under_an_unknown_title,
    "only-joint-statements.txt": gives_joint_statements_to_both_sides,
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_an_acceptable_file_loads_correctly(seeds, name):
    assert load_readouts(HOSTILE / name) == (0, "")
    readout = Readout.objects.select_related("call").get(source=name)
    ACCEPTED[name](readout.call, seeds)


def test_pages_naming_non_latin_unknown_officials_render(client, seeds):
    load_readouts(HOSTILE / "non-latin-unknown-officials.txt")
    call = Readout.objects.get(source="non-latin-unknown-officials.txt").call
    official = Official.objects.get(name="Вардан Оганесян")
    for url in (
        reverse("official-list"),
        official.get_absolute_url(),
        call.get_absolute_url(),
        reverse("sitemap"),
    ):
        assert client.get(url, secure=True).status_code == 200, url


def test_the_database_refuses_an_official_without_a_slug(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Official.objects.create(name="Вардан Оганесян", slug="")


# The admin's "Add a readout from text" page gets the same files as an upload.
ADMIN_REFUSED = {**REFUSED, "empty.txt": "The submitted file is empty."}


def admin_import_url() -> str:
    return reverse("admin:readouts_readout_import")


def upload_to_admin(admin_client, path: Path):
    with path.open("rb") as upload:
        return admin_client.post(admin_import_url(), {"file": upload, "_save": "Save"}, secure=True)


def form_errors(response) -> str:
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


@pytest.mark.parametrize("name", sorted(ADMIN_REFUSED))
def test_the_admin_import_refuses_a_bad_file_with_its_reason(admin_client, seeds, name):
    admin_import_url()
    before = database_dump()
    response = upload_to_admin(admin_client, HOSTILE / name)
    assert response.status_code == 200
    assert ADMIN_REFUSED[name] in form_errors(response)
    assert database_dump() == before


class UnreadableUpload(SimpleUploadedFile):
    """An upload that fails the test if the form reads it."""

    def read(self, *args):
        raise AssertionError("the form read the upload before checking its size")


def test_the_admin_import_checks_the_size_of_an_upload_before_reading_it():
    form = ImportReadoutForm(data={}, files={"file": UnreadableUpload("big.txt", b"a" * 1_000_001)})
    assert not form.is_valid()
    assert form.errors["file"] == ["too large (1000001 bytes; the limit is 1 MB)"]


def test_the_admin_import_refuses_a_five_megabyte_file(admin_client, seeds, tmp_path):
    admin_import_url()
    huge = tmp_path / "five-megabytes.txt"
    seed = SEEDS[0].read_bytes()
    huge.write_bytes(seed * (5_000_000 // len(seed) + 1))
    before = database_dump()
    response = upload_to_admin(admin_client, huge)
    assert response.status_code == 200
    assert f"too large ({huge.stat().st_size} bytes" in form_errors(response)
    assert database_dump() == before
