"""The bar chart above the call list: calls per year, or per month once a year is chosen.

Geometry is worked out here so the template only draws rectangles; every bar with calls links
to the same list narrowed to its year (or month).
"""

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .querylinks import QueryLinks

CHART_HEIGHT = 100  # bar area, in SVG units; labels sit below it
SLOT_WIDTH = 36
BAR_WIDTH = 28
LABEL_EVERY_WHEN_CROWDED = 5


@dataclass(frozen=True)
class Bar:
    label: str
    description: str  # the tooltip and the accessible name: "May 2021: 3 calls"
    count: int
    x: int
    center: int
    y: int
    height: int
    query: str | None  # the link's query string; None for empty periods: nothing to link to
    show_label: bool


@dataclass(frozen=True)
class Timeline:
    caption: str
    bars: list[Bar]
    width: int
    height: int = CHART_HEIGHT + 20
    chart_height: int = CHART_HEIGHT
    bar_width: int = BAR_WIDTH
    label_y: int = CHART_HEIGHT + 14


def _calls(n):
    return ngettext("%(count)s call", "%(count)s calls", n) % {"count": n}


def _bars(periods):
    """``periods``: (label, description prefix, count, query) in display order."""
    tallest = max((count for _, _, count, _ in periods), default=0) or 1
    crowded = len(periods) > 16
    bars = []
    for index, (label, name, count, query) in enumerate(periods):
        height = round(count / tallest * CHART_HEIGHT) if count else 0
        bars.append(
            Bar(
                label=label,
                description=f"{name}: {_calls(count)}",
                count=count,
                x=index * SLOT_WIDTH + (SLOT_WIDTH - BAR_WIDTH) // 2,
                center=index * SLOT_WIDTH + SLOT_WIDTH // 2,
                y=CHART_HEIGHT - max(height, 1 if count else 0),
                height=max(height, 1 if count else 0),
                query=query if count else None,
                show_label=not crowded or index % LABEL_EVERY_WHEN_CROWDED == 0,
            )
        )
    return bars


def call_timeline(filterset, years, matched=None) -> Timeline | None:
    """``years`` is ``facets.year_counts(filterset.qs)``; None when there is nothing to draw.

    ``matched``, a search result already read (``browse.matched``) whose second field is the
    date as ISO text (``facets.matched_fields``), gives the months without another pass over
    the documents.
    """
    links = QueryLinks(filterset.data if filterset.is_bound else None)
    chosen_year = filterset.form.cleaned_data.get("year") if filterset.is_bound else None
    if chosen_year:
        if matched is not None:
            by_month = Counter(int(row[1][5:7]) for row in matched.rows)  # ISO text dates
        else:
            by_month = {
                row["month"]: row["n"]
                for row in filterset.qs.order_by()
                .values(month=ExtractMonth("date"))
                .annotate(n=Count("pk"))
            }
        periods = []
        for month in range(1, 13):
            last_day = calendar.monthrange(chosen_year, month)[1]
            first, last = dt.date(chosen_year, month, 1), dt.date(chosen_year, month, last_day)
            query = links.replaced(date_after=first.isoformat(), date_before=last.isoformat())
            periods.append(
                (date_format(first, "M"), date_format(first, "F Y"), by_month.get(month, 0), query)
            )
        caption = _("Calls per month in %(year)s") % {"year": chosen_year}
    else:
        counts = {row["year"]: row["n"] for row in years}
        if not counts:
            return None
        periods = [
            (str(year), str(year), counts.get(year, 0), links.replaced(year=str(year)))
            for year in range(min(counts), max(counts) + 1)
        ]
        first, last = min(counts), max(counts)
        caption = (
            _("Calls per year, %(first)s–%(last)s") % {"first": first, "last": last}
            if first != last
            else _("Calls in %(year)s") % {"year": first}
        )
    return Timeline(caption=caption, bars=_bars(periods), width=len(periods) * SLOT_WIDTH)
