"""The 400 for a query string that does not validate, the same on every page that filters.

A list, an official or topic page and the feed all answer bad filters (an unknown slug, an
impossible date, a page that does not exist) with a 400 that names each field and says what
was wrong: as the page itself with the messages above its form (HTML), or as JSON or text.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ..present import formats


def labelled(filterset, errors) -> list[tuple[str, str]]:
    """(the field's label, message) for each error, as the page shows them."""
    labels = {key: f.label or key for key, f in filterset.filters.items()}
    labels |= {"page": _("Page"), "statements_page": _("Page of statements")}
    return [
        (labels.get(key, ""), message) for key, messages in errors.items() for message in messages
    ]


def refused(request, filterset, errors, output="html", *, template=None, context=None):
    """The 400 in the format asked for; an HTML page keeps every value that was not wrong in its
    form, so a retry does not fail the same way."""
    if output != "html":
        return formats.errors_response(errors, output)
    kept = request.GET.copy()
    for field in errors:
        kept.pop(field, None)
    page = {
        **(context or {}),
        "filterset": filterset,
        "errors": labelled(filterset, errors),
        "form_params": kept,
    }
    return render(request, template, page, status=400)
