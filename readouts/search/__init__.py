"""Full-text search: what a user types, how words are folded, the two engines, the index.

- ``grammar``: the query syntax (words, "phrases", -exclusion, OR) as a small safe structure;
- ``folding``: folding and stemming shared by the index and the queries;
- ``spellings``: a surname widened to every spelling the officials table knows;
- ``engines``: ``search_calls`` / ``search_statements`` on FTS5 (SQLite) or tsvector (PostgreSQL);
- ``index``: the search rows, refreshed by ``writing.derived`` and rebuilt by a command;
- ``highlight``: ``highlight``, ``snippet`` and ``snippet_if_matched``, escaping the text
  before marking matches.
"""

from .engines import search_calls, search_statements
from .expansion import label_table
from .folding import fold_to_base_letters
from .grammar import SearchQuery, parse_query
from .highlight import highlight, snippet, snippet_if_matched
from .spellings import build_query, spellings_table


def prepare() -> None:
    """What every search reads (the thesaurus's labels, the surnames' spellings), made once a
    write commits (``cache.prepare_after_writes``), not by the first reader to search."""
    label_table()
    spellings_table()


__all__ = [
    "SearchQuery",
    "build_query",
    "fold_to_base_letters",
    "highlight",
    "parse_query",
    "prepare",
    "search_calls",
    "search_statements",
    "snippet",
    "snippet_if_matched",
]
