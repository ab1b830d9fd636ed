"""Topics: the controlled vocabulary and the cue words the parser tags statements with."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..models import Topic
from ..writing.corrections import retag_statements
from .freshness import KeepsPublicSiteFresh


@admin.register(Topic)
class TopicAdmin(KeepsPublicSiteFresh, admin.ModelAdmin):
    list_display = ("name_en", "name_fr", "slug", "statement_count")
    search_fields = ("name_en", "name_fr", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    actions = ("retag",)
    fieldsets = (
        (None, {"fields": ("name_en", "name_fr", "slug", "description")}),
        (
            _("Cue lexicon"),
            {
                "fields": ("cues_fr", "cues_en", "cues_az"),
                "description": _(
                    "Words and phrases that tag a statement with this topic; "
                    "the next parse uses them."
                ),
            },
        ),
    )

    def calls_keyed_on(self, topic) -> set[int]:
        return set(topic.calls.values_list("pk", flat=True))

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_total=Count("statements"))

    @admin.display(description=_("statements"), ordering="statement_total")
    def statement_count(self, topic):
        return topic.statement_total

    @admin.action(
        description=_("Re-tag statements with the selected topics' current cues"),
        permissions=["change"],
    )
    def retag(self, request, queryset):
        report = retag_statements(queryset)
        names = ", ".join(topic.name for topic in queryset)
        text = _("Re-tagged %(count)s statements for %(names)s.") % {
            "count": report.changed,
            "names": names,
        }
        if report.kept_edited:
            text += " " + _("Left %(count)s hand-edited statements as staff set them.") % {
                "count": report.kept_edited
            }
        if report.unparsed:
            text += " " + _("%(count)s readouts could not be parsed and were skipped.") % {
                "count": report.unparsed
            }
        self.message_user(request, text, messages.SUCCESS)
