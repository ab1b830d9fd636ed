from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from .views import concepts, language, lists, pages
from .views.feeds import LatestCallsFeed
from .views.repeats import kept_for_repeats
from .views.sitemaps import SITEMAPS

urlpatterns = [
    path("", kept_for_repeats(lists.CallListView.as_view()), name="call-list"),
    path("statements/", kept_for_repeats(lists.StatementListView.as_view()), name="statement-list"),
    path("feed/", LatestCallsFeed(), name="call-feed"),
    path(
        "calls/<slug:slug>/", kept_for_repeats(pages.CallDetailView.as_view()), name="call-detail"
    ),
    path("calls/<slug:slug>/cite.bib", pages.cite_bibtex, name="call-cite-bibtex"),
    path("calls/<slug:slug>/cite.ris", pages.cite_ris, name="call-cite-ris"),
    path("officials/", kept_for_repeats(pages.OfficialListView.as_view()), name="official-list"),
    path(
        "officials/<slug:slug>/",
        kept_for_repeats(pages.OfficialDetailView.as_view()),
        name="official-detail",
    ),
    path("topics/", kept_for_repeats(pages.TopicListView.as_view()), name="topic-list"),
    path(
        "topics/<slug:slug>/",
        kept_for_repeats(pages.TopicDetailView.as_view()),
        name="topic-detail",
    ),
    path("places/", kept_for_repeats(concepts.PlaceListView.as_view()), name="place-list"),
    path(
        "places/<slug:slug>/",
        kept_for_repeats(concepts.PlaceDetailView.as_view()),
        name="place-detail",
    ),
    path(
        "organisations/",
        kept_for_repeats(concepts.OrganisationListView.as_view()),
        name="organisation-list",
    ),
    path(
        "organisations/<slug:slug>/",
        kept_for_repeats(concepts.OrganisationDetailView.as_view()),
        name="organisation-detail",
    ),
    path("language/<str:code>/", language.choose_language, name="choose-language"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
