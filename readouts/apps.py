from django.apps import AppConfig


class ReadoutsConfig(AppConfig):
    name = "readouts"
    verbose_name = "Readouts"

    def ready(self):
        from .search.engines import register_lookups

        register_lookups()
