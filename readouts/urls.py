from django.urls import path

from . import detail_views, views

urlpatterns = [
    path("", views.CallListView.as_view(), name="call-list"),
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
]
