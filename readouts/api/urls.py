"""``/api/v1/``: explicit paths (slug or id converters), a list and a detail per kind of record."""

from django.urls import path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from . import views


class ReferenceView(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar; its start-up script is a separate request and
    our template has no inline style, so the page keeps the site's Content-Security-Policy."""

    template_name = "readouts/api_reference.html"
    title = "Readout Archive API"


def _pair(prefix, viewset, name, key="<slug:slug>"):
    return [
        path(f"{prefix}/", viewset.as_view({"get": "list"}), name=f"api-{name}-list"),
        path(f"{prefix}/{key}/", viewset.as_view({"get": "retrieve"}), name=f"api-{name}-detail"),
    ]


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api-reference"), name="api-root"),
    path("schema.json", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path("reference/", ReferenceView.as_view(url_name="api-schema"), name="api-reference"),
    path("calls/facets/", views.CallViewSet.as_view({"get": "facets"}), name="api-call-facets"),
    path(
        "statements/facets/",
        views.StatementViewSet.as_view({"get": "facets"}),
        name="api-statement-facets",
    ),
    *_pair("calls", views.CallViewSet, "call"),
    *_pair("readouts", views.ReadoutViewSet, "readout", "<int:pk>"),
    *_pair("statements", views.StatementViewSet, "statement", "<int:pk>"),
    *_pair("officials", views.OfficialViewSet, "official"),
    *_pair("offices", views.OfficeViewSet, "office"),
    *_pair("topics", views.TopicViewSet, "topic"),
]
