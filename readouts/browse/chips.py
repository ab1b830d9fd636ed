"""What the user has asked for, in words: chips that remove one filter, and the page heading."""

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django_filters import ModelMultipleChoiceFilter

from .querylinks import replaced, toggled


@dataclass(frozen=True)
class Chip:
    label: str
    params: QueryDict  # the current query without this value


def _written(day):
    return date_format(day, "j F Y")


def _choice_label(filterset, key, value):
    return dict(filterset.filters[key].extra["choices"]).get(value, value)


def _value_label(filterset, key, value):
    """How a cleaned filter value reads on a chip: a name, a label, a written-out date."""
    if hasattr(value, "name"):  # Official
        return value.name
    if hasattr(value, "name_en"):  # Topic
        return value.name_en
    if hasattr(value, "title_en"):  # Office
        return value.title_en
    if hasattr(value, "isoformat"):
        return _written(value)
    if "choices" in filterset.filters[key].extra:
        return _choice_label(filterset, key, value)
    return str(value)


CHIP_PREFIX = {
    "q": "Words",
    "date_after": "From",
    "date_before": "Until",
    "initiator": "Placed by",
    "speaker": "Said by",
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
    for key, value in active_values(filterset):
        label = _value_label(filterset, key, value)
        prefix = CHIP_PREFIX.get(key, filterset.filters[key].label or key.capitalize())
        if key == "q":
            label = f"“{label}”"
        if isinstance(filterset.filters[key], ModelMultipleChoiceFilter):
            params = toggled(filterset.data, key, value.slug, multiple=True)
        else:
            params = replaced(filterset.data, **{key: None})
        result.append(Chip(label=f"{prefix}: {label}", params=params))
    return result


def _grouped(filterset):
    groups = {}
    for key, value in active_values(filterset):
        groups.setdefault(key, []).append(_value_label(filterset, key, value))
    return groups


def _and(names):
    return str(get_text_list(names, "and"))


def describe_calls(filterset) -> str:
    """The list's heading: "Calls with Antony Blinken on Border delimitation in 2021"."""
    groups = _grouped(filterset)
    phrases = {
        "official": lambda v: f"with {_and(v)}",
        "office": lambda v: f"with the {_and(v)}",
        "country": lambda v: f"with officials of {_and(v)}",
        "topic": lambda v: f"on {_and(v)}",
        "year": lambda v: f"in {v[0]}",
        "date_after": lambda v: f"from {v[0]}",
        "date_before": lambda v: f"until {v[0]}",
        "initiator": lambda v: f"placed by {v[0]}",
        "language": lambda v: f"with a readout in {v[0]}",
        "publisher": lambda v: f"published by {v[0]}",
        "sides": lambda v: "with readouts from both sides",
        "reviewed": lambda v: v[0].lower(),
        "q": lambda v: f"matching “{v[0]}”",
    }
    return " ".join(["Calls", *(phrases[key](groups[key]) for key in phrases if key in groups)])


def describe_statements(filterset) -> str:
    """The statement search heading: "Statements by Ilham Aliyev on Border delimitation"."""
    groups = _grouped(filterset)
    phrases = {
        "speaker": lambda v: f"by {v[0]}",
        "office": lambda v: f"by the {_and(v)}",
        "country": lambda v: f"by officials of {v[0]}",
        "verb_class": lambda v: f"of the kind “{v[0]}”",
        "topic": lambda v: f"on {_and(v)}",
        "date_after": lambda v: f"from {v[0]}",
        "date_before": lambda v: f"until {v[0]}",
        "q": lambda v: f"matching “{v[0]}”",
    }
    return " ".join(
        ["Statements", *(phrases[key](groups[key]) for key in phrases if key in groups)]
    )
