"""Officials and offices; merging a duplicate official the parser created into the real one."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from ..models import Office, Official, Participant, Tenure
from ..writing.corrections import merge_officials
from .freshness import KeepsPublicSiteFresh


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    autocomplete_fields = ("office",)


class MergeOfficialsForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Official.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Keep"),
        help_text=_("The others are merged into this one and removed."),
    )

    def __init__(self, *args, officials, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = officials


@admin.register(Official)
class OfficialAdmin(KeepsPublicSiteFresh, admin.ModelAdmin):
    list_display = ("name", "country", "variants", "call_count", "needs_review")
    list_filter = ("needs_review", "country")
    search_fields = ("name", "slug", "name_variants")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "country", "name_variants", "needs_review")
    inlines = (TenureInline,)
    actions = ("merge_into_one", "mark_reviewed")

    def calls_touched(self, official):
        """Calls are found by their participants' names: re-index those of this official."""
        return set(official.participations.values_list("call_id", flat=True))

    def get_queryset(self, request):
        return super().get_queryset(request).with_call_counts()

    @admin.display(description=_("other spellings"))
    def variants(self, official):
        return ", ".join(official.name_variants)

    @admin.display(description=_("calls"), ordering="call_count")
    def call_count(self, official):
        return official.call_count

    @admin.action(description=_("Mark selected officials as reviewed"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = queryset.update(needs_review=False)  # shown only in the admin: nothing to refresh
        self.message_user(
            request,
            _("%(count)s officials marked as reviewed.") % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Merge selected officials into one…"), permissions=["change"])
    def merge_into_one(self, request, queryset):
        """Ask which official to keep, then move everything of the others onto it."""
        officials = queryset.order_by("needs_review", "name")
        if officials.count() < 2:
            self.message_user(
                request, _("Select at least two officials to merge."), messages.WARNING
            )
            return None
        form = MergeOfficialsForm(
            request.POST if "confirm" in request.POST else None, officials=officials
        )
        if form.is_valid():
            target = form.cleaned_data["target"]
            duplicates = list(officials.exclude(pk=target.pk))
            names = ", ".join(duplicate.name for duplicate in duplicates)
            with transaction.atomic():
                self.log_deletions(request, officials.exclude(pk=target.pk))
                merge_officials(duplicates, target, user=request.user)
                self.log_change(request, target, f"Merged {names} into this official.")
            self.message_user(
                request,
                _("Merged %(names)s into %(target)s.") % {"names": names, "target": target},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge officials"),
            "opts": self.model._meta,
            "has_view_permission": self.has_view_permission(request),
            "officials": officials,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/readouts/official/merge.html", context)


@admin.register(Office)
class OfficeAdmin(KeepsPublicSiteFresh, admin.ModelAdmin):
    """An office's title shows in lists and facets; only its calls' facet ids depend on the
    office itself (deleting it refreshes them)."""

    list_display = ("title_en", "title_fr", "country", "slug")
    list_filter = ("country",)
    search_fields = ("title_en", "title_fr", "slug")
    prepopulated_fields = {"slug": ("title_en",)}

    def calls_keyed_on(self, office) -> set[int]:
        return set(
            Participant.objects.filter(office=office).values_list("call_id", flat=True).distinct()
        )
