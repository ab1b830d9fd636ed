"""The thesaurus: concepts and their labels in each language (what search widens a word to)."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..models import Call, Concept
from ..writing.concepts import relink_all_mentions
from .freshness import KeepsPublicSiteFresh


@admin.register(Concept)
class ConceptAdmin(KeepsPublicSiteFresh, admin.ModelAdmin):
    """A label edit changes what searches find and which mentions are the concept's: saving
    resolves every mention again, refreshes the calls whose mentions changed concept and bumps
    the archive version."""

    list_display = ("pref_label_en", "pref_label_fr", "pref_label_az", "kind", "mention_count")
    list_filter = ("kind",)
    search_fields = ("slug", "pref_label_en", "pref_label_fr", "pref_label_az")
    prepopulated_fields = {"slug": ("pref_label_en",)}
    autocomplete_fields = ("broader",)
    fieldsets = (
        (None, {"fields": ("kind", "slug", "broader", "note")}),
        (
            _("Preferred labels"),
            {"fields": ("pref_label_en", "pref_label_fr", "pref_label_az")},
        ),
        (
            _("Other labels"),
            {
                "fields": ("alt_labels_en", "alt_labels_fr", "alt_labels_az", "alt_labels_ru"),
                "description": _(
                    "Every other name the readouts use, as a JSON list per language "
                    '(e.g. ["Karabagh", "Nagorno-Karabakh"]). A search for any label also finds '
                    "all the others."
                ),
            },
        ),
    )

    def calls_keyed_on(self, concept) -> set[int]:
        return set(
            Call.objects.filter(readouts__mentions__concept=concept).values_list("pk", flat=True)
        )

    def refresh_public_site(self, call_ids) -> None:
        super().refresh_public_site(set(call_ids) | relink_all_mentions())

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mention_total=Count("mentions"))

    @admin.display(description=_("mentions"), ordering="mention_total")
    def mention_count(self, concept):
        return concept.mention_total
