from django.apps import AppConfig


class ReadoutsConfig(AppConfig):
    name = "readouts"
    verbose_name = "Readouts"

    def ready(self):
        from .cache import prepare_after_writes
        from .search.engines import register_lookups
        from .views.lists import prepare_home

        register_lookups()
        prepare_after_writes(prepare_home)
