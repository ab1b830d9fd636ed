"""``/feed/``: an Atom feed of the newest calls, narrowed by the same GET filters as ``/``.

So a reader can follow an official (``/feed/?official=ilham-aliyev``) or a topic. Demo calls
never appear. Filters that do not validate get a 400 with the reasons, as on the list page.
"""

import datetime as dt
import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from ..browse.chips import describe_calls
from ..browse.filters import CallFilter
from ..browse.querylinks import QueryLinks
from ..models import Call
from ..present.wording import call_date, join_names
from .refusals import refused

FEED_LENGTH = 30
# XML 1.0 allows tab, newline and carriage return and no other control character: one in a
# search word or a name would make the whole feed unserialisable (a 500).
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(text: str) -> str:
    return XML_UNSAFE.sub("", text)


class LatestCallsFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        filterset = CallFilter(request.GET or None, queryset=Call.objects.real().for_list())
        if filterset.is_bound and not filterset.is_valid():
            return refused(request, filterset, filterset.errors, "text")
        # The feed object is shared between requests: the per-request state rides on the request.
        request.call_filter = filterset
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        return xml_text(f"{describe_calls(request.call_filter)} — Readout Archive")

    def link(self, request):
        return reverse("call-list") + QueryLinks(request.GET).replaced()

    def feed_url(self, request):
        """The filtered feed itself (rel="self"), so a reader subscribes to what it asked for."""
        return reverse("call-feed") + QueryLinks(request.GET).replaced()

    author_name = "Readout Archive"

    def subtitle(self, request):
        return _("Readouts of phone calls between Azerbaijani and US officials, newest first.")

    def items(self, request):
        return request.call_filter.qs.order_by("-date", "slug")[:FEED_LENGTH]

    def item_title(self, call):
        names = [p.official.name for p in call.participants.all()]
        return xml_text(f"{call_date(call)}: {join_names(names)}")

    def item_description(self, call):
        topics = ", ".join(topic.name for topic in call.topics.all()) or _("no topic tagged")
        readouts = ", ".join(
            f"{r.side_label or _('unknown side')} ({r.language_label})"
            + (f", {r.publisher_name}" if r.publisher else "")
            for r in call.readouts.all()
        )
        # Atom's summary is type="html": readers render it, so names go in as text.
        return xml_text(
            escape(
                _("Topics: %(topics)s. Readouts: %(readouts)s.")
                % {"topics": topics, "readouts": readouts}
            )
        )

    def item_pubdate(self, call):
        return dt.datetime.combine(call.date, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, call):
        return call.updated_at
