"""The staff side of the archive: Django's admin, configured for data entry and curation."""

from django.contrib import admin

from . import calls, officials, readouts, thesaurus, topics  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = "Readout Archive administration"
admin.site.site_title = "Readout Archive admin"
admin.site.index_title = "Calls, readouts and the people in them"
