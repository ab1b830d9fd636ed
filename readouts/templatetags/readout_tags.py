"""Small presentation helpers shared by the call, official and topic pages and the lists."""

from django import template
from django.template.defaulttags import querystring
from django.utils.translation import gettext as _

from ..models import Country
from ..present.wording import call_date, join_names, ordered_participants, participant_names

register = template.Library()
register.filter(call_date)
register.filter(participant_names)
register.filter(ordered_participants)


@register.filter
def who_called(call):
    """ "Jake Sullivan called Ilham Aliyev", from prefetched participants (no query)."""
    if call.initiator_id is None:
        return _("Not stated who placed the call")
    called = [
        p.official.name for p in ordered_participants(call) if p.official_id != call.initiator_id
    ]
    if not called:
        return _("%(name)s placed the call") % {"name": call.initiator.name}
    return _("%(caller)s called %(called)s") % {
        "caller": call.initiator.name,
        "called": join_names(called),
    }


@register.simple_tag(takes_context=True)
def querystring_once(context, **changes):
    """Django's ``{% querystring %}``, made once per rendering for the same changes: a list
    links each row's tags to the same few filters (a topic's link on every call tagged with it,
    two hundred links of a dozen topics on a page)."""
    made = context.render_context.setdefault("querystring_once", {})
    key = tuple(sorted(changes.items()))
    if key not in made:
        made[key] = querystring(context, **changes)
    return made[key]


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
