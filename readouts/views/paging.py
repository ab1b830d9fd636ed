"""One rule for page numbers on every list: a page that does not exist is a 400 that says so.

The call and statement lists (HTML, JSON) and the calls and statements on official and topic
pages all page through ``paginate``. ``page=last`` is the last page. A number that is not a
page of the result (``0``, ``zzz``, one past the end) is refused with the number of pages
there are, never answered with another page: a script paging through JSON would otherwise
read the last page again and again, and a reader would take it for the page they asked for.
"""

import datetime as dt

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


class MonthWindowed:
    """A queryset, newest first, whose rows per month are known (``OfficialMonth``,
    ``TopicMonth``): its count is their sum, and a page reads only the months it spans.

    ``months`` is ``[(first day of a month, rows), ...]``; ``field`` the date the queryset is
    ordered by, newest first. Ordered by that date, a page's rows are those of a run of
    months, so the database sorts a month or two of a president's calls, not all of them.
    """

    def __init__(self, queryset, months, field):
        self.queryset, self.field = queryset, field
        self.months = sorted(((month, n) for month, n in months if n), reverse=True)

    def count(self):
        return sum(n for _month, n in self.months)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        seen, newest, oldest, before = 0, None, None, 0
        for month, n in self.months:
            if seen + n <= start:
                seen += n
                continue
            if newest is None:
                newest, before = month, seen
            oldest = month
            seen += n
            if stop is not None and seen >= stop:
                break
        if newest is None:
            return self.queryset.none()
        after = (newest.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        rows = self.queryset.filter(**{f"{self.field}__gte": oldest, f"{self.field}__lt": after})
        return rows[start - before : None if stop is None else stop - before]
