"""How the archive writes a call's date and its people in prose: pages, feeds and citations."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import DatePrecision


def call_date(call):
    """The call's date written out as precisely as the readouts give it: "17 May 2021"."""
    if call.date_precision == DatePrecision.MONTH:
        return date_format(call.date, "F Y")
    return date_format(call.date, "j F Y")


def join_names(names):
    """ "A", "A and B", "A, B and C" (in the interface language: "A et B")."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


# The order officials are named in everywhere: Azerbaijan's first, then the United States',
# then anyone else's; within a country, in the order the readout names them.
COUNTRY_ORDER = {"AZ": 0, "US": 1}


def ordered_participants(call):
    """The call's participants in the archive's one naming order (``COUNTRY_ORDER``)."""
    return sorted(
        call.participants.all(),
        key=lambda p: (COUNTRY_ORDER.get(p.official.country, len(COUNTRY_ORDER)), p.position),
    )


def participant_names(call):
    """The participants' names joined for a heading: "Ilham Aliyev and Jake Sullivan"."""
    return join_names(p.official.name for p in ordered_participants(call))
