"""Everything that writes the archive: the one ingest path, staff corrections, reference data.

Every writer ends by calling ``derived.refresh_derived`` for the calls it touched, the one
owner of what is computed from stored rows (a call's topics, its search rows, the cache).
"""
