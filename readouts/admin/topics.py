"""Topics: the controlled vocabulary and the cue words the parser tags statements with."""

from django.contrib import admin
from django.db.models import Count

from ..models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_fr", "slug", "statement_count")
    search_fields = ("name_en", "name_fr", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = (
        (None, {"fields": ("name_en", "name_fr", "slug", "description")}),
        (
            "Cue lexicon",
            {
                "fields": ("cues_fr", "cues_en"),
                "description": "Words and phrases that tag a statement with this topic; "
                "the next parse uses them.",
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_total=Count("statements"))

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, topic):
        return topic.statement_total
