"""What the user has asked for, in words: chips that remove one filter, and the page heading."""

from dataclasses import dataclass

from django.db.models import Model
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import ModelMultipleChoiceFilter

from .querylinks import QueryLinks


@dataclass(frozen=True)
class Chip:
    label: str
    query: str  # the link's query string: the current query without this value


def _written(day):
    return date_format(day, "j F Y")


def _choice_label(filterset, key, value):
    return dict(filterset.filters[key].extra["choices"]).get(value, value)


def _value_label(filterset, key, value):
    """How a cleaned filter value reads on a chip: a name, a label, a written-out date."""
    if isinstance(value, Model):  # Official; Topic, Office, Concept in the interface language
        return value.title if hasattr(value, "title_en") else value.name
    if hasattr(value, "isoformat"):
        return _written(value)
    if "choices" in filterset.filters[key].extra:
        return _choice_label(filterset, key, value)
    return str(value)


CHIP_PREFIX = {
    "q": gettext_lazy("Words"),
    "date_after": gettext_lazy("From"),
    "date_before": gettext_lazy("Until"),
    "initiator": gettext_lazy("Placed by"),
    "speaker": gettext_lazy("Said by"),
}


def active_values(filterset):
    """(key, cleaned value) for every filter in use, in the FilterSet's order; sort is not one."""
    if not filterset.is_bound:
        return []
    cleaned = filterset.form.cleaned_data
    pairs = []
    for key in filterset.filters:
        value = cleaned.get(key)
        if key == "sort" or value in (None, "", [], ()):
            continue
        for item in (
            value if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
        ):
            pairs.append((key, item))
    return pairs


def chips_for(filterset) -> list[Chip]:
    result = []
    links = QueryLinks(filterset.data if filterset.is_bound else None)
    for key, value in active_values(filterset):
        label = _value_label(filterset, key, value)
        prefix = CHIP_PREFIX.get(key) or _(str(filterset.filters[key].label or key.capitalize()))
        if key == "q":
            label = _("“%(words)s”") % {"words": label}
        if isinstance(filterset.filters[key], ModelMultipleChoiceFilter):
            query = links.toggled(key, value.slug, multiple=True)
        else:
            query = links.replaced(**{key: None})
        result.append(
            Chip(label=_("%(filter)s: %(value)s") % {"filter": prefix, "value": label}, query=query)
        )
    return result


def _grouped(filterset):
    groups = {}
    for key, value in active_values(filterset):
        groups.setdefault(key, []).append(_value_label(filterset, key, value))
    return groups


def _and(names):
    return str(get_text_list(names, _("and")))


def describe_calls(filterset) -> str:
    """The list's heading: "Calls with Antony Blinken on Border delimitation in 2021"."""
    groups = _grouped(filterset)
    phrases = {
        "official": lambda v: _("with %(names)s") % {"names": _and(v)},
        "office": lambda v: _("with the %(offices)s") % {"offices": _and(v)},
        "country": lambda v: _("with officials of %(countries)s") % {"countries": _and(v)},
        "topic": lambda v: _("on %(topics)s") % {"topics": _and(v)},
        "mentioned": lambda v: _("mentioning %(names)s") % {"names": _and(v)},
        "year": lambda v: _("in %(year)s") % {"year": v[0]},
        "date_after": lambda v: _("from %(date)s") % {"date": v[0]},
        "date_before": lambda v: _("until %(date)s") % {"date": v[0]},
        "initiator": lambda v: _("placed by %(name)s") % {"name": v[0]},
        "language": lambda v: _("with a readout in %(language)s") % {"language": v[0]},
        "publisher": lambda v: _("published by %(publisher)s") % {"publisher": v[0]},
        "sides": lambda v: _("with readouts from both sides"),
        "reviewed": lambda v: str(v[0]).lower(),
        "q": lambda v: _("matching “%(words)s”") % {"words": v[0]},
    }
    return " ".join([_("Calls"), *(phrases[key](groups[key]) for key in phrases if key in groups)])


def describe_statements(filterset) -> str:
    """The statement search heading: "Statements by Ilham Aliyev on Border delimitation"."""
    groups = _grouped(filterset)
    phrases = {
        "speaker": lambda v: _("by %(name)s") % {"name": v[0]},
        "office": lambda v: _("by the %(offices)s") % {"offices": _and(v)},
        "country": lambda v: _("by officials of %(country)s") % {"country": v[0]},
        "verb_class": lambda v: _("of the kind “%(kind)s”") % {"kind": v[0]},
        "topic": lambda v: _("on %(topics)s") % {"topics": _and(v)},
        "date_after": lambda v: _("from %(date)s") % {"date": v[0]},
        "date_before": lambda v: _("until %(date)s") % {"date": v[0]},
        "q": lambda v: _("matching “%(words)s”") % {"words": v[0]},
    }
    return " ".join(
        [_("Statements"), *(phrases[key](groups[key]) for key in phrases if key in groups)]
    )
