"""The whole archive as a citable dataset: every table as JSON Lines and CSV, one SQLite file,
a data dictionary, the topic vocabulary, a Frictionless ``datapackage.json`` and a
``CITATION.cff``.

``tables.py`` is the one description of the tables (columns, types, the sentence each column
gets in the dictionary, and the query that yields its rows); ``files.py`` writes every file
from it; ``current.py`` keeps one copy per archive version for the ``/data/`` page. Demo calls
(``is_demo``) and everything of theirs are left out. Reads only: nothing here writes rows.
"""
