from django.urls import path

from . import views

urlpatterns = [
    path("", views.CallListView.as_view(), name="call-list"),
    path("calls/<slug:slug>/", views.CallDetailView.as_view(), name="call-detail"),
    path("officials/", views.OfficialListView.as_view(), name="official-list"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
]
