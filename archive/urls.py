from django.contrib import admin
from django.urls import include, path

from readouts.views.data import data_file, data_page
from readouts.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("readouts.api.urls")),
    path("data/", data_page, name="data"),
    path("data/<str:name>", data_file, name="data-file"),
    path("", include("readouts.urls")),
]

# A database outage is a 503 with Retry-After (readouts/views/unavailable.py); any other
# unexpected error is still the 500 page.
handler500 = "readouts.views.unavailable.server_error"
