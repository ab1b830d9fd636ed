"""What one fault scenario reports, and the table ``make faults`` prints from them."""

import statistics
from dataclasses import dataclass, field


@dataclass
class ScenarioResult:
    """One scenario on one database: the requests it made, how they failed, and whether the
    archive was consistent afterwards (``None`` where the scenario does not check it)."""

    scenario: str
    database: str
    latencies_ms: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    consistent: bool | None = None
    detail: str = ""

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + sum(self.failures.values())

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def passed(self) -> bool:
        return self.failed == 0 and self.consistent is not False

    def percentile(self, fraction: float) -> float | None:
        if not self.latencies_ms:
            return None
        if len(self.latencies_ms) == 1:
            return self.latencies_ms[0]
        cuts = statistics.quantiles(self.latencies_ms, n=100, method="inclusive")
        return cuts[round(fraction * 100) - 1]

    def fail(self, reason: str) -> None:
        """Count one failed request under ``reason`` (an HTTP status, or e.g. "timeout")."""
        self.failures[reason] = self.failures.get(reason, 0) + 1


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def table(results: list[ScenarioResult]) -> str:
    """A plain-text table: per scenario and database, requests, failures by status, p50/p99,
    consistency and a one-line detail."""
    header = ("scenario", "db", "requests", "failed", "by status", "p50 ms", "p99 ms", "consistent")
    rows = [header]
    for r in results:
        by_status = ", ".join(f"{k}: {v}" for k, v in sorted(r.failures.items())) or "-"
        consistent = {True: "yes", False: "NO", None: "-"}[r.consistent]
        rows.append(
            (
                r.scenario,
                r.database,
                str(r.requests),
                str(r.failed),
                by_status,
                _ms(r.percentile(0.5)),
                _ms(r.percentile(0.99)),
                consistent,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    details = [f"{r.scenario} ({r.database}): {r.detail}" for r in results if r.detail]
    return "\n".join(lines + (["", *details] if details else []))
