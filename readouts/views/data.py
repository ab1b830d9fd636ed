"""``/data/``: the whole archive as a dataset to download, how to cite it, whose texts it holds.

The files are the current archive version's (``dataset/current.py`` writes them on the first
request after a write); ``/data/NAME`` serves one of them, and only names the dataset writes.
"""

from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..dataset.current import current_dataset
from ..dataset.files import CITATION, PACKAGE, ZIP, file_names
from ..dataset.tables import TABLES
from ..models import Readout
from ..parsing.publishers import PUBLISHERS

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".jsonl": "application/jsonl; charset=utf-8",
    ".json": "application/json",
    ".cff": "text/plain; charset=utf-8",
    ".sqlite": "application/vnd.sqlite3",
    ".zip": "application/zip",
}


def _site(request):
    return request.build_absolute_uri("/").rstrip("/")


def _publishers():
    counts = {
        row["publisher"]: row
        for row in Readout.objects.filter(call__is_demo=False)
        .values("publisher")
        .annotate(n=Count("pk"), calls=Count("call", distinct=True))
        .order_by()
    }
    return [
        {
            "key": key,
            "name": publisher.name,
            "side": publisher.side,
            "kind": publisher.kind,
            "readouts": counts.get(key, {}).get("n", 0),
        }
        for key, publisher in PUBLISHERS.items()
    ]


@require_safe
def data_page(request):
    folder, version = current_dataset(_site(request))
    files = [(name, (folder / name).stat().st_size) for name in file_names()]
    context = {
        "files": files,
        "version": version,
        "tables": TABLES,
        "publishers": _publishers(),
        "citation": (folder / CITATION).read_text(encoding="utf-8"),
        "zip_name": ZIP,
        "package_name": PACKAGE,
    }
    return render(request, "readouts/data.html", context)


@require_safe
def data_file(request, name):
    if name not in file_names():
        raise Http404("No such file in the dataset.")
    folder, _ = current_dataset(_site(request))
    suffix = name[name.rindex(".") :]
    response = FileResponse(
        open(folder / name, "rb"),  # noqa: SIM115 (FileResponse closes it)
        content_type=CONTENT_TYPES[suffix],
        as_attachment=suffix in (".zip", ".sqlite"),
        filename=name,
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
