"""Measure the parser against a gold reading: ``make eval`` (see README, "The parser").

``score`` compares an export (the ``export_calls`` JSON shape) with a ``gold.json`` and knows
nothing of Django; ``floors`` reads the minimums kept in ``floors.json``; ``archive`` is the one
module that loads a folder of readouts through the real ingest path and reads them back.
"""
