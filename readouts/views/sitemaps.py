"""``/sitemap.xml``: every real call, and the officials and topics that have real calls."""

from django.contrib.sitemaps import Sitemap

from ..models import Call, Official, Topic


class CallSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Call.objects.real().order_by("-date", "slug")

    def lastmod(self, call):
        return call.updated_at


class OfficialSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Official.objects.filter(
            pk__in=Call.objects.real().values("participants__official")
        ).order_by("slug")


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.filter(pk__in=Call.objects.real().values("topics")).order_by("slug")


SITEMAPS = {"calls": CallSitemap, "officials": OfficialSitemap, "topics": TopicSitemap}
