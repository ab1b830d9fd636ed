"""Small presentation helpers shared by the call, official and topic pages."""

from django import template
from django.utils.formats import date_format

from ..models import Country, DatePrecision

register = template.Library()


@register.filter
def call_date(call):
    """The call's date written out as precisely as the readouts give it: "17 May 2021"."""
    if call.date_precision == DatePrecision.MONTH:
        return date_format(call.date, "F Y")
    return date_format(call.date, "j F Y")


def join_names(names):
    """ "A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@register.filter
def who_called(call):
    """ "Jake Sullivan called Ilham Aliyev", from prefetched participants (no query)."""
    if call.initiator_id is None:
        return "Not stated who placed the call"
    called = [
        p.official.name for p in call.participants.all() if p.official_id != call.initiator_id
    ]
    if not called:
        return f"{call.initiator.name} placed the call"
    return f"{call.initiator.name} called {join_names(called)}"


@register.filter
def participant_names(call):
    """The participants' names joined for a heading: "Ilham Aliyev and Jake Sullivan"."""
    return join_names(p.official.name for p in call.participants.all())


@register.simple_tag(takes_context=True)
def page_url(context, param, number):
    """ "?…&page=3", keeping every other GET parameter (the active filters) as it is."""
    query = context.request.GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"


@register.filter
def country_name(code):
    """ "Azerbaijan" for "AZ"; a code the archive does not know is shown as it is."""
    return Country(code).label if code in Country.values else code
