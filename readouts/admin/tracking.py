"""Admin mixins that stamp each row staff change, so ``load_readouts --update`` keeps it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import EditedByStaff
from ..writing.corrections import mark_edited


class TracksEdits:
    """Marks the object and every changed inline row (statement, participant) as edited."""

    def save_model(self, request, obj, form, change):
        if isinstance(obj, EditedByStaff) and (form.has_changed() or not change):
            mark_edited(obj, request.user)
            settle_guess(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if isinstance(instance, EditedByStaff) and inline_form.has_changed():
                mark_edited(instance, request.user)
                settle_guess(instance, inline_form)
        super().save_formset(request, form, formset, change)


def settle_guess(obj, form) -> None:
    """A speaker an editor chose is no longer the parser's guess."""
    if "speaker" in form.changed_data and hasattr(obj, "speaker_guessed"):
        obj.speaker_guessed = False


class ShowsEditMark:
    """One narrow read-only column for inline rows: who corrected the row, and when."""

    @admin.display(description=_("edited"))
    def edit_mark(self, obj):
        if not obj.edited_at:
            return "—"
        who = obj.edited_by.get_username() if obj.edited_by else "staff"
        return f"{who}, {obj.edited_at:%Y-%m-%d}"
