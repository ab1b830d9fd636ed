"""``{{ text|highlight:query }}`` and ``{{ text|snippet:query }}`` over ``readouts.search``."""

from django import template

from .. import search

register = template.Library()


@register.filter
def highlight(text, query):
    """The whole text, escaped, with the query's matches in <mark>."""
    return search.highlight(str(text), query) if query else text


@register.filter
def snippet(text, query):
    """A passage around the first match, escaped, with the matches in <mark>."""
    return search.snippet(str(text), query) if query else text
