"""How the archive writes a call's date and its people in prose: pages, feeds and citations."""

from django.utils.formats import date_format

from ..models import DatePrecision


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


def participant_names(call):
    """The participants' names joined for a heading: "Ilham Aliyev and Jake Sullivan"."""
    return join_names(p.official.name for p in call.participants.all())
