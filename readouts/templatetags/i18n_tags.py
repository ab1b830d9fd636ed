"""Names in the interface language: ``{{ topic|in_language }}``, ``{{ office|title_in_language }}``.

French where the record has a French name, else the English one. Concepts know their labels
per language (``Concept.pref_label``).
"""

from django import template
from django.utils.translation import get_language

register = template.Library()


def _french() -> bool:
    return (get_language() or "en").startswith("fr")


@register.filter
def in_language(record):
    """A topic's or concept's name in the interface language."""
    if record is None:
        return ""
    if hasattr(record, "pref_label"):
        return record.pref_label("fr" if _french() else "en")
    if _french() and getattr(record, "name_fr", ""):
        return record.name_fr
    return getattr(record, "name_en", str(record))


@register.filter
def title_in_language(office):
    """An office's title in the interface language ("secrétaire d'État des États-Unis")."""
    if office is None:
        return ""
    if _french() and office.title_fr:
        return office.title_fr
    return office.title_en
