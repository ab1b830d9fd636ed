"""The minimums ``make eval`` holds each gold set to, kept in ``floors.json`` beside this file.

Sets are named by their folder (``corpus``, ``samples``, ``seeds``); a folder not listed there
(an editor's new gold set) is held to ``default``. Raise a floor when the parser improves.
"""

from __future__ import annotations

import json
from pathlib import Path

FLOORS_FILE = Path(__file__).resolve().parent / "floors.json"


def floors_for(name: str, path: Path = FLOORS_FILE) -> dict[str, float]:
    data = json.loads(path.read_text("utf-8"))
    return dict(data["sets"].get(name, data["default"]))
