"""Readouts and their statements: the verbatim text stays as published, the analysis is editable."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..models import Mention, Readout, Statement
from ..writing import ingest
from ..writing.review import mark_reviewed
from .freshness import KeepsPublicSiteFresh
from .importing import ImportReadoutView
from .review import ReviewQueueView
from .tracking import ShowsEditMark, TracksEdits


class StatementInline(ShowsEditMark, admin.TabularInline):
    model = Statement
    extra = 0
    # Narrow widgets, so nine statements fit a laptop screen without sideways scrolling.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 4, "cols": 44})},
        models.CharField: {"widget": forms.TextInput(attrs={"size": 14})},
    }
    fields = ("order", "speaker", "speaker_guessed", "verb", "text", "topics", "edit_mark")
    readonly_fields = ("edit_mark",)
    autocomplete_fields = ("speaker", "topics")
    ordering = ("order",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("speaker", "edited_by")
            .prefetch_related("topics")
        )


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ("kind", "name", "official")
    autocomplete_fields = ("official",)


class ReviewedFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Flagged, not yet reviewed")),
            ("reviewed", _("Reviewed")),
            ("clean", _("Nothing flagged")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(reviewed_at__isnull=True, review_weight__gt=0)
        if self.value() == "reviewed":
            return queryset.filter(reviewed_at__isnull=False)
        if self.value() == "clean":
            return queryset.filter(review_weight=0)
        return queryset


@admin.register(Readout)
class ReadoutAdmin(KeepsPublicSiteFresh, TracksEdits, admin.ModelAdmin):
    list_display = (
        "__str__",
        "call_link",
        "publisher",
        "language",
        "side",
        "statement_count",
        "imported_at",
    )
    list_select_related = ("call",)
    list_filter = (
        ReviewedFilter,
        "language",
        "side",
        "publisher",
        "imported_at",
    )
    search_fields = ("source", "headline", "text", "call__slug")
    date_hierarchy = "imported_at"
    inlines = (StatementInline, MentionInline)
    fieldsets = (
        (
            None,
            {"fields": ("call", "headline", "source", "publisher", "relays", "side", "language")},
        ),
        (_("Where it was published"), {"fields": ("source_url", "published")}),
        (_("As published"), {"fields": ("text", "warnings")}),
        (_("Review"), {"fields": ("flags", "reviewed_by", "reviewed_at")}),
        (_("Record"), {"fields": ("content_hash", "imported_at")}),
    )

    actions = ("split_off", "mark_reviewed")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        # The verbatim text is evidence: once saved it never changes (its hash identifies it).
        # A readout leaves its call only through "split off", which rebuilds both calls.
        # A review is recorded by "Mark reviewed", which keeps who and when.
        return (
            "call",
            "text",
            "warnings",
            "flags",
            "reviewed_by",
            "reviewed_at",
            "content_hash",
            "imported_at",
        )

    @admin.display(description=_("flagged for"))
    def flags(self, readout):
        labels = readout.review_flag_labels
        if not labels:
            return _("Nothing: the parser understood the whole text.")
        return format_html_join(
            "\n", "<p><strong>{}</strong>{}</p>", ((k, f": {d}" if d else "") for k, d in labels)
        )

    @admin.action(description=_("Mark selected readouts reviewed"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = mark_reviewed(list(queryset), request.user)
        for readout in queryset:
            self.log_change(request, readout, "Marked reviewed.")
        self.message_user(request, _("%(count)s readouts marked reviewed.") % {"count": count})

    @admin.action(description=_("Split off into a call of its own (undo a wrong merge)"))
    def split_off(self, request, queryset):
        for readout in queryset.select_related("call"):
            old_call = readout.call_id
            new_call = ingest.split_readout(readout)
            if new_call.pk == old_call:
                self.message_user(
                    request,
                    _("%(readout)s is the only readout of %(call)s: nothing to split.")
                    % {"readout": readout, "call": new_call},
                )
            else:
                self.message_user(
                    request,
                    _("%(readout)s now describes a call of its own: %(call)s.")
                    % {"readout": readout, "call": new_call},
                )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_total=Count("statements"))

    def get_urls(self):
        import_view = self.admin_site.admin_view(ImportReadoutView.as_view(model_admin=self))
        review_view = self.admin_site.admin_view(ReviewQueueView.as_view(model_admin=self))
        return [
            path("import/", import_view, name="readouts_readout_import"),
            path("review/", review_view, name="readouts_readout_review"),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        """Readouts come in through the import page, which parses them before saving."""
        return redirect("admin:readouts_readout_import")

    @admin.display(description=_("call"), ordering="call__date")
    def call_link(self, readout):
        url = reverse("admin:readouts_call_change", args=[readout.call_id])
        return format_html('<a href="{}">{}</a>', url, readout.call)

    @admin.display(description=_("statements"), ordering="statement_total")
    def statement_count(self, readout):
        return readout.statement_total


@admin.register(Statement)
class StatementAdmin(KeepsPublicSiteFresh, TracksEdits, admin.ModelAdmin):
    """One statement at a time, for a correction found from the public statement page."""

    list_display = ("__str__", "speaker", "verb_class", "short_text", "edited_at")
    list_select_related = ("readout", "readout__call", "speaker")
    list_filter = ("verb_class", "speaker_guessed", ("edited_at", admin.EmptyFieldListFilter))
    search_fields = ("text", "verb", "speaker__name")
    autocomplete_fields = ("speaker", "topics")
    fields = (
        "readout",
        "order",
        "speaker",
        "speaker_guessed",
        "verb",
        "verb_class",
        "text",
        "topics",
        "topic_evidence",
        "edited_by",
        "edited_at",
    )
    readonly_fields = ("readout", "topic_evidence", "edited_by", "edited_at")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("text"))
    def short_text(self, statement):
        return statement.text[:120]
