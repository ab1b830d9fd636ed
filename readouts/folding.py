"""Accent- and case-insensitive matching that gives the same answer on SQLite and PostgreSQL.

``fold("Əliyev")`` is ``"aliyev"``; ``Folded("text")`` is the same transformation inside the
database, so ``Folded("text")`` ``__contains`` ``fold(word)`` matches "Azerbaïdjan" for
"azerbaidjan". PostgreSQL runs ``lower(translate(...))`` with the table below (no extension to
install); SQLite calls this module's ``fold`` through a function registered on the connection.
Full-text search (a later issue) replaces this for ranking; this is the plain match.
"""

import unicodedata

from django.db.models import Func, TextField, Value
from django.db.models.functions import Lower

# Letters that Azerbaijani, Turkish and Western European texts write in names and places,
# each mapped to the plain Latin letter a reader would type.
_EXTRA = {"Ə": "A", "ə": "a", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "’": "'"}


def _plain_letter(char: str) -> str | None:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 and base.isascii() and base != char else None


_PAIRS = {
    char: plain
    for char, plain in ((chr(code), _plain_letter(chr(code))) for code in range(0x00C0, 0x0250))
    if plain
} | _EXTRA
ACCENTED = "".join(_PAIRS)
PLAIN = "".join(_PAIRS.values())
_TABLE = str.maketrans(ACCENTED, PLAIN)


def fold(text: str | None) -> str | None:
    """Lower-case ``text`` and strip its accents, as ``Folded`` does in SQL."""
    return None if text is None else text.translate(_TABLE).lower()


class Folded(Func):
    """A text column lower-cased with its accents stripped, for ``__contains`` lookups."""

    function = "readouts_fold"
    arity = 1
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Registered on each use so it is there whichever code opened the connection.
        connection.ensure_connection()
        connection.connection.create_function(self.function, 1, fold, deterministic=True)
        return super().as_sql(compiler, connection, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        translated = Func(
            *self.get_source_expressions(),
            Value(ACCENTED),
            Value(PLAIN),
            function="translate",
            output_field=TextField(),
        )
        return compiler.compile(Lower(translated))
