"""``/api/v1/``: explicit paths, a list and a detail per kind of record.

Keys are matched as any string (``str``) and checked by the view, so a key that is not a slug
or an id is the API's JSON 404, not the site's HTML one; so is any other path here.
"""

from django.urls import path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from . import views


class ReferenceView(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar; its start-up script is a separate request and
    our template has no inline style, so the page keeps the site's Content-Security-Policy."""

    template_name = "readouts/api_reference.html"
    title = "Readout Archive API"


def _pair(prefix, viewset, name, key="<str:slug>"):
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
    *_pair("readouts", views.ReadoutViewSet, "readout", "<str:pk>"),
    *_pair("statements", views.StatementViewSet, "statement", "<str:pk>"),
    *_pair("officials", views.OfficialViewSet, "official"),
    *_pair("offices", views.OfficeViewSet, "office"),
    *_pair("topics", views.TopicViewSet, "topic"),
    # Unnamed, so it is no page of its own; without a final slash Django still redirects first.
    re_path(r"^.*/$", views.not_found),
]
