from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from . import detail_views, views
from .feeds import LatestCallsFeed
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.CallListView.as_view(), name="call-list"),
    path("statements/", views.StatementListView.as_view(), name="statement-list"),
    path("feed/", LatestCallsFeed(), name="call-feed"),
    path("calls/<slug:slug>/", detail_views.CallDetailView.as_view(), name="call-detail"),
    path("calls/<slug:slug>/cite.bib", detail_views.cite_bibtex, name="call-cite-bibtex"),
    path("calls/<slug:slug>/cite.ris", detail_views.cite_ris, name="call-cite-ris"),
    path("officials/", detail_views.OfficialListView.as_view(), name="official-list"),
    path(
        "officials/<slug:slug>/",
        detail_views.OfficialDetailView.as_view(),
        name="official-detail",
    ),
    path("topics/", detail_views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", detail_views.TopicDetailView.as_view(), name="topic-detail"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
