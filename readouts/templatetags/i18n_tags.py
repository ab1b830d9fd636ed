"""Names in the interface language: ``{{ topic|in_language }}``, ``{{ office|title_in_language }}``.

French where the record has a French name, else the English one (``Topic.name``,
``Office.title``, ``Concept.name``, which the templates may also use directly).
"""

from django import template

register = template.Library()


@register.filter
def in_language(record):
    """A topic's or concept's name in the interface language."""
    if record is None:
        return ""
    return getattr(record, "name", str(record))


@register.filter
def title_in_language(office):
    """An office's title in the interface language ("secrétaire d'État des États-Unis")."""
    if office is None:
        return ""
    return office.title
