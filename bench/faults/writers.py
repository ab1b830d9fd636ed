"""Writers at once: a demo generation, two ``load_readouts`` of the same 22 readouts into an
archive that holds none of them yet, and an admin-like edit loop start together; each must end
well (no "database is locked"), serialised by the database, and the archive be consistent
afterwards, each readout once. A "request" here is one writer."""

import tempfile
import threading
import time
from pathlib import Path

from .processes import CORPUS, EDITS, REFERENCE, check, corpus_copy, must, start
from .result import ScenarioResult


def run(database_url: str, short: bool) -> ScenarioResult:
    result = ScenarioResult("writers", "")
    calls = 500 if short else 3000
    with tempfile.TemporaryDirectory() as folder:
        texts = str(corpus_copy(Path(folder)))
        must(database_url, "shell", "-c", REFERENCE)  # the offices the edits change
        writers = {
            # Its default batches of 1,000 calls: the longest a writer holds the lock.
            "generate_demo_archive": ("generate_demo_archive", "--calls", str(calls)),
            "load_readouts 1": ("load_readouts", texts),
            "load_readouts 2": ("load_readouts", texts),
            "admin edits": ("shell", "--no-imports", "-c", EDITS),
        }
        started = time.monotonic()
        running = {name: start(database_url, *args) for name, args in writers.items()}
        seconds, outputs = {}, {}

        def finish(name: str) -> None:
            outputs[name] = running[name].communicate(timeout=1800)
            seconds[name] = time.monotonic() - started

        threads = [threading.Thread(target=finish, args=(name,)) for name in running]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for name, process in running.items():
            stdout, stderr = outputs[name]
            if "database is locked" in stdout + stderr:
                result.fail("locked")
            elif process.returncode:
                result.fail(f"exit {process.returncode}")
            else:
                result.latencies_ms.append(seconds[name] * 1000)
    report = check(database_url)
    result.consistent = (
        not report["problems"]
        and report["duplicate_slugs"] == report["duplicate_texts"] == 0
        and report["demo_calls"] == calls
        and report["readouts"] - report["demo_readouts"] == len(list(CORPUS.glob("*.txt")))
    )
    ended = ", ".join(f"{name} {s:.1f} s" for name, s in seconds.items())
    result.detail = f"4 writers at once, each ended after: {ended}; " + _described(report)
    return result


def _described(report: dict) -> str:
    problems = "; ".join(report["problems"]) or "no problem"
    return (
        f"{report['calls']} calls ({report['demo_calls']} demo), {report['readouts']} readouts, "
        f"{report['duplicate_slugs'] + report['duplicate_texts']} duplicates, {problems}"
    )
