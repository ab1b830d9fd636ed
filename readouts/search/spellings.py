"""A surname typed in one spelling finds every spelling the officials table knows.

``build_query`` is the one way a search box becomes a query: grammar, then surnames, then the
thesaurus (``expansion``) unless the reader asked for the literal words.

``build_query`` parses what the user typed (``grammar``) and widens each plain word that is a
surname (Aliev, Əliyev, Алиев → Aliyev and the others) into an OR of its spellings. The
spellings are read once per archive version, not on every search.
"""

from ..cache import cached
from ..models import Official
from .expansion import expand
from .folding import words
from .grammar import SearchQuery, Term, parse_query


def build_query(text: str, literal: bool = False) -> SearchQuery:
    """Parse ``text``, let a surname match every spelling of it (Aliev, Əliyev, Алиев) and,
    unless ``literal``, a word or phrase every label of its concept in the thesaurus
    (``expansion``: prisoners, prisonniers, məhbuslar)."""
    query = _with_spellings(parse_query(text))
    return query if literal else expand(query)


def _with_spellings(query: SearchQuery) -> SearchQuery:
    spellings = _surname_spellings({term.words[0] for term in query.terms if not term.is_phrase})
    if not spellings:
        return query
    groups = []
    for group in query.groups:
        widened = list(group)
        for term in group:
            for spelling in spellings.get(term.words[0], ()) if not term.is_phrase else ():
                if Term((spelling,)) not in widened:
                    widened.append(Term((spelling,)))
        groups.append(tuple(widened))
    return SearchQuery(tuple(groups), query.excluded, query.truncated, query.text)


def _surname_spellings(wanted: set[str]) -> dict[str, list[str]]:
    """For each wanted word that is a surname in some spelling, all spellings of that surname."""
    if not wanted:
        return {}
    table = spellings_table()
    return {word: table[word] for word in wanted if word in table}


def spellings_table() -> dict[str, list[str]]:
    """Every surname's spellings, kept until the archive next changes (and made again by the
    write that changed it, ``search.prepare``)."""
    return cached("surname-spellings", _spellings_by_surname)


def _spellings_by_surname() -> dict[str, list[str]]:
    """Every folded surname of the officials table, with all the spellings it stands beside."""
    table: dict[str, list[str]] = {}
    for name, variants in Official.objects.values_list("name", "name_variants"):
        surnames = []
        for spelling in [name, *variants]:
            folded = words(spelling)
            if folded and folded[-1] not in surnames:
                surnames.append(folded[-1])
        for surname in surnames:
            known = table.setdefault(surname, [])
            known += [s for s in surnames if s not in known]
    return table
