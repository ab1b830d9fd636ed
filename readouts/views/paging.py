"""One rule for page numbers on every list: a page that does not exist is a 400 that says so.

The call and statement lists (HTML, JSON) and the calls and statements on official and topic
pages all page through ``paginate``. ``page=last`` is the last page. A number that is not a
page of the result (``0``, ``zzz``, one past the end) is refused with the number of pages
there are, never answered with another page: a script paging through JSON would otherwise
read the last page again and again, and a reader would take it for the page they asked for.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class PageError(ValueError):
    """The requested page does not exist; the message says how many there are."""


def paginate(queryset, number, per_page, count=None):
    """The requested page of ``queryset``, or a ``PageError``.

    ``count``, when the caller knows it (e.g. cached), spares the paginator its COUNT query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    if number in (None, ""):
        number = 1
    elif number == "last":
        number = paginator.num_pages
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        raise PageError(
            _("“%(number)s” is not a page number.") % {"number": str(number)[:20]}
        ) from None
    except EmptyPage:
        pages = paginator.num_pages
        raise PageError(
            ngettext(
                "There is no page %(number)s: these results have %(pages)s page.",
                "There is no page %(number)s: these results have %(pages)s pages.",
                pages,
            )
            % {"number": str(number)[:20], "pages": pages}
        ) from None
