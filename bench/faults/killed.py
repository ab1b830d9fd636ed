"""Killed writers: ``kill -9`` of ``generate_demo_archive``, then of ``load_readouts``, at a
random moment; the archive must be consistent right after, and running the same command again
must complete the job without a duplicate (a third run adds nothing). A "request" is one run
that should have ended well (the reruns); the consistency column covers every check."""

import random
import tempfile
import time
from pathlib import Path

from .processes import CORPUS, check, corpus_copy, kill_at_random, manage, start
from .result import ScenarioResult


def run(database_url: str, short: bool) -> ScenarioResult:
    result = ScenarioResult("killed", "")
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    calls, batch = (600, 100) if short else (3000, 250)
    demo = ("generate_demo_archive", "--calls", str(calls), "--batch-size", str(batch))
    sound, notes = True, [f"seed {seed}"]
    with tempfile.TemporaryDirectory() as folder:
        texts = str(corpus_copy(Path(folder)))
        # (command, what makes it print a line per step, lines before its last step)
        for command, talk, lines in (
            (demo, ("-v2",), calls // batch - 1),  # a line per batch
            (("load_readouts", texts), (), len(list(CORPUS.glob("*.txt"))) - 1),  # per file
        ):
            name = command[0]
            where = kill_at_random(start(database_url, *command, *talk), lines, rng)
            after_kill = check(database_url)
            sound &= _sound(after_kill)
            started = time.monotonic()
            status, _, stderr = manage(database_url, *command)
            if status:
                result.fail(f"exit {status}")
                notes.append(f"{name} rerun failed: {stderr[-300:]}")
            else:
                result.latencies_ms.append((time.monotonic() - started) * 1000)
            rerun = check(database_url)
            again = manage(database_url, *command)[1]
            complete = (
                _sound(rerun)
                and rerun["served_count"] == rerun["calls"]
                and ("0 demo calls written" in again or "0 created, 0 updated" in again)
            )
            sound &= complete
            notes.append(
                f"{name} killed {where}: {_counts(after_kill)}"
                f"{'' if _sound(after_kill) else ' ' + '; '.join(after_kill['problems'])}; "
                f"rerun: {_counts(rerun)}, {'complete' if complete else 'INCOMPLETE'}"
            )
    result.consistent = sound
    result.detail = "; ".join(notes)
    return result


def _sound(report: dict) -> bool:
    return not report["problems"] and report["duplicate_slugs"] == report["duplicate_texts"] == 0


def _counts(report: dict) -> str:
    return f"{report['calls']} calls, {report['readouts']} readouts, consistent={_sound(report)}"
