from contextlib import suppress

from django.apps import AppConfig
from django.db import DatabaseError
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReadoutsConfig(AppConfig):
    name = "readouts"
    verbose_name = _("Readout Archive")

    def ready(self):
        from . import search
        from .cache import prepare_after_writes
        from .search.engines import register_lookups
        from .views.lists import prepare_home
        from .views.repeats import prepare_front_page

        register_lookups()
        prepare_after_writes(prepare_home)
        prepare_after_writes(search.prepare)
        prepare_after_writes(prepare_front_page)  # last: it shows what the others prepared
        post_migrate.connect(retire_the_cache, sender=self)


def retire_the_cache(**kwargs):
    """A deploy runs ``migrate``: the code that rendered the cached pages and fragments may have
    changed since (a template, a fix), so none of them is served after it."""
    from .cache import retire_everything

    with suppress(DatabaseError):  # migrated back to before the cache table: nothing cached
        retire_everything()
