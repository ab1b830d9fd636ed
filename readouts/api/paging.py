"""Page-number pagination with the site's one page rule (``views/paging.paginate``).

A page that does not exist is a 400 naming how many there are, never another page, so a script
that pages until ``next`` is null reads every row exactly once. Every ordering ends on a unique
key (slug, id), so pages are stable while the archive does not change; the ETag says when it has.
"""

import re

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ..views.paging import PageError, paginate

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


class ArchivePagination(BasePagination):
    def page_size(self, request) -> int:
        raw = request.query_params.get("page_size")
        if raw in (None, ""):
            return PAGE_SIZE
        if not re.fullmatch(r"[0-9]{1,3}", raw) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
            raise ValidationError(
                {"page_size": [f"Give a whole number from 1 to {MAX_PAGE_SIZE}."]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        try:
            count = view.cached_count(queryset) if hasattr(view, "cached_count") else None
            number, size = request.query_params.get("page"), self.page_size(request)
            self.page = paginate(queryset, number, size, count)
        except PageError as error:
            raise ValidationError({"page": [str(error)]}) from None
        return list(self.page.object_list)

    def _link(self, number):
        if number is None:
            return None
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", number)

    def get_paginated_response(self, data):
        page = self.page
        following = self._link(page.next_page_number() if page.has_next() else None)
        previous = self._link(page.previous_page_number() if page.has_previous() else None)
        links = [
            f'<{url}>; rel="{rel}"' for rel, url in (("next", following), ("prev", previous)) if url
        ]
        return Response(
            {
                "count": page.paginator.count,
                "pages": page.paginator.num_pages,
                "next": following,
                "previous": previous,
                "results": data,
            },
            headers={"Link": ", ".join(links)} if links else None,
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "pages", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "How many rows match, on all pages."},
                "pages": {"type": "integer", "description": "How many pages there are."},
                "next": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "description": "The next page's URL; null on the last page.",
                },
                "previous": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "description": "The previous page's URL; null on the first page.",
                },
                "results": {**schema, "description": "This page's rows."},
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "The page, from 1; `last` is the last page. A page that does not "
                "exist is a 400.",
                "schema": {"type": "string", "default": "1"},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Rows per page, 1 to {MAX_PAGE_SIZE} (default {PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
