"""The read-only JSON API at ``/api/v1/``: the same records, filters and facets as the pages.

``views.py`` lists and shows each kind of record; the call and statement lists filter with the
pages' own FilterSets (``browse/filters.py``), so a query string means the same on ``/`` and on
``/api/v1/calls/``. Around every view: ``paging.py`` (the site's page rule, as JSON),
``conditional.py`` (ETag and Last-Modified from the archive version, 304 when unchanged),
``limits.py`` (requests per address per minute, counted in the shared cache), ``errors.py`` (one
JSON shape for a refusal). The OpenAPI document is generated from these classes by
drf-spectacular; ``serializers.py`` describes every field it shows.
"""
