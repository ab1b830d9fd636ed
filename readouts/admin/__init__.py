"""The staff side of the archive: Django's admin, configured for data entry and curation."""

from . import calls, officials, readouts, topics  # noqa: F401  (registers the ModelAdmins)
