from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadoutsConfig(AppConfig):
    name = "readouts"
    verbose_name = _("Readout Archive")

    def ready(self):
        from .cache import prepare_after_writes
        from .search.engines import register_lookups
        from .views.lists import prepare_home

        register_lookups()
        prepare_after_writes(prepare_home)
