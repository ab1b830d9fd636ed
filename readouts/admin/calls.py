"""Calls: who spoke with whom and when, with their participants and readouts inline."""

from django.contrib import admin
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Call, Country, Participant, Readout
from ..writing.corrections import last_edit
from .freshness import KeepsPublicSiteFresh
from .tracking import ShowsEditMark, TracksEdits

TOPICS_SHOWN = 3  # the changelist stays readable; the call page lists them all


class ParticipantInline(ShowsEditMark, admin.TabularInline):
    model = Participant
    extra = 0
    fields = ("position", "official", "title_as_written", "office", "edit_mark")
    readonly_fields = ("edit_mark",)
    autocomplete_fields = ("official", "office")
    ordering = ("position",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("official", "office", "edited_by")


class ReadoutInline(admin.TabularInline):
    """The call's published accounts; each opens on its own page, new ones come by import."""

    model = Readout
    extra = 0
    fields = ("source", "publisher", "side", "language", "imported_at")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return Country.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(officials__country=self.value()).distinct()
        return queryset


class NeedsReviewFilter(admin.SimpleListFilter):
    """Calls with an official the parser created, or a readout the parser warned about."""

    title = _("needs review")
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        flagged = Exists(
            Participant.objects.filter(call=OuterRef("pk"), official__needs_review=True)
        ) | Exists(Readout.objects.filter(call=OuterRef("pk")).exclude(warnings=[]))
        return queryset.filter(flagged if self.value() == "yes" else ~flagged)


@admin.register(Call)
class CallAdmin(KeepsPublicSiteFresh, TracksEdits, admin.ModelAdmin):
    list_display = (
        "date_display",
        "participant_names",
        "initiator",
        "topic_names",
        "readout_count",
        "last_edited",
    )
    list_display_links = ("date_display",)
    list_select_related = ("initiator",)
    list_filter = (
        "year",
        CountryFilter,
        ("topics", admin.RelatedOnlyFieldListFilter),
        ("officials", admin.RelatedOnlyFieldListFilter),
        NeedsReviewFilter,
        "is_demo",
    )
    search_fields = (
        "slug",
        "officials__name",
        "participants__title_as_written",
        "readouts__headline",
        "readouts__text",
    )
    date_hierarchy = "date"
    autocomplete_fields = ("initiator",)
    inlines = (ParticipantInline, ReadoutInline)
    # A call's topics are its statements' topics (``writing.derived``): edit those instead.
    readonly_fields = ("topics", "last_change", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("slug", ("date", "date_precision"), "initiator", "topics")}),
        (
            _("Record"),
            {"fields": ("is_demo", "last_change", "created_at", "updated_at")},
        ),
    )
    ordering = ("-date", "slug")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(readout_total=Count("readouts", distinct=True))
            .prefetch_related(
                Prefetch(
                    "participants",
                    queryset=Participant.objects.select_related("official").order_by("position"),
                ),
                "topics",
            )
        )

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, call):
        return call.date.strftime("%Y-%m") if call.date_precision == "month" else call.date

    @admin.display(description=_("participants"))
    def participant_names(self, call):
        return ", ".join(p.official.name for p in call.participants.all())

    @admin.display(description=_("topics"))
    def topic_names(self, call):
        names = [topic.name for topic in call.topics.all()]
        shown = ", ".join(names[:TOPICS_SHOWN])
        if len(names) <= TOPICS_SHOWN:
            return shown
        return _("%(shown)s and %(more)s more") % {
            "shown": shown,
            "more": len(names) - TOPICS_SHOWN,
        }

    @admin.display(description=_("readouts"), ordering="readout_total")
    def readout_count(self, call):
        return call.readout_total

    @admin.display(description=_("call edited"), ordering="edited_at", empty_value="—")
    def last_edited(self, call):
        return call.edited_at

    @admin.display(description=_("last changed by staff"))
    def last_change(self, call):
        edit = last_edit(call) if call.pk else None
        if edit is None:
            return _("Not edited since it was imported.")
        history = reverse("admin:readouts_call_history", args=[call.pk])
        who = edit.edited_by.get_username() if edit.edited_by else _("a deleted user")
        return format_html(
            _('{} by {} ({}) — <a href="{}">full history</a>'),
            edit.edited_at.strftime("%Y-%m-%d %H:%M UTC"),
            who,
            type(edit)._meta.verbose_name,
            history,
        )
