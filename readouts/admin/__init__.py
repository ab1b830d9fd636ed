"""The staff side of the archive: Django's admin, configured for data entry and curation."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import calls, officials, readouts, thesaurus, topics  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = _("Readout Archive administration")
admin.site.site_title = _("Readout Archive admin")
admin.site.index_title = _("Calls, readouts and the people in them")
