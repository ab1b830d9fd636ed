"""The filtered lists — calls at ``/``, statements at ``/statements/`` — as HTML, JSON or CSV.

One URL, one FilterSet, three renderings of exactly the same result. A bad parameter (unknown
slug, impossible date, page out of range, unknown format) is a 400 that says what was wrong.
"""

import hashlib
from urllib.parse import urlencode

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from .. import search
from ..browse.chips import chips_for, describe_calls, describe_statements
from ..browse.facets import (
    STATEMENT_FIELDS,
    call_facets,
    matched_fields,
    statement_facets,
    year_counts,
)
from ..browse.filters import CallFilter, StatementFilter, is_literal
from ..browse.matched import Matched
from ..browse.querylinks import SHOWN_NOT_FILTERED
from ..browse.timeline import call_timeline
from ..cache import cached
from ..models import Call, Readout, Statement
from ..present import formats
from .paging import PageError, paginate
from .refusals import refused


def result_cached(filterset, key, compute):
    """``compute()`` for this result set, cached until the archive next changes.

    Counts and facets depend only on the filters (not the page or format), cost a pass over the
    whole result (dearest for a broad search or the unfiltered archive) and are the same for
    every visitor who asks the same question, so they are kept per set of filters.
    """
    filters = sorted(
        (name, value)
        for name, values in (filterset.data.lists() if filterset.is_bound else ())
        if name not in SHOWN_NOT_FILTERED
        for value in values
    )
    digest = hashlib.sha256(urlencode(filters).encode()).hexdigest()[:32]
    # Fragments are rendered in the interface language: one entry per language.
    return cached(f"{key}:{get_language() or 'en'}:{digest}", compute)


def rendered(template, path, **context):
    """``{"<name>_html": the fragment}``: cached with the counts it shows, the facet and
    timeline links (a hundred or more) are rendered once per set of filters, not per view."""
    name = template.removeprefix("_").removesuffix(".html")
    html = render_to_string(f"readouts/{template}", {**context, "path": path})
    return {f"{name}_html": html}


def call_list_summary(filterset, path, matched=None):
    """The call list's facets and timeline, with their rendered HTML, cached per filter set.

    ``matched`` (the rows of a search or filtered list read once, ``browse.matched``) spares
    them a pass over the documents and the link tables.
    """

    def summary():
        years = year_counts(filterset.qs, matched)
        facets = call_facets(filterset, years=years, matched=matched)
        timeline = call_timeline(filterset, years, matched=matched)
        return {
            "facets": facets,
            "timeline": timeline,
            **rendered("_facets.html", path, facets=facets, noun="calls"),
            **rendered("_timeline.html", path, timeline=timeline),
        }

    return result_cached(filterset, "call-list-summary", summary)


def prepare_home() -> None:
    """What every visitor sees first — the unfiltered list's count, facets and timeline —
    computed once a write commits (``cache.prepare_after_writes``), not by the first visitor."""
    filterset = CallFilter(None, queryset=Call.objects.for_list())
    result_cached(filterset, "calls-count", filterset.qs.count)
    call_list_summary(filterset, reverse("call-list"))


# Above this many calls, a filtered list's facets stay aggregates over the filters (reading the
# rows would cost more than the passes it saves).
READ_ONCE_UP_TO = 20_000


class FilteredListView(View):
    filterset_class = None
    template_name = None
    paginate_by = 25
    matched_fields = ()  # what the summary needs of each row of a result read once

    def get_queryset(self, output):
        raise NotImplementedError

    def get(self, request):
        output = request.GET.get("format", "html")
        if output not in formats.FORMATS:
            message = _("Unknown format “%(format)s”: use html, json or csv.") % {
                "format": output[:20]
            }
            return formats.errors_response({"format": [message]}, "text")
        filterset = self.filterset_class(
            request.GET or None, queryset=self.get_queryset(output), request=request
        )
        if filterset.is_bound and not filterset.is_valid():
            return self.refuse(request, filterset, filterset.errors, output)
        if output == "csv":
            return self.csv(request, filterset.qs)
        results = filterset.qs
        query = getattr(filterset, "search_query", None)
        # A search not asked since the last write reads its matches once, for the count, the
        # page and the facets; a repeat takes the count and facets from the cache.
        self.matched = Matched(results, self.matched_fields) if query else None
        counting = results.count if self.matched is None else lambda: len(self.matched.rows)
        try:
            count = result_cached(filterset, f"{self.cache_prefix}-count", counting)
            if self.matched is not None and self.matched.loaded:
                results = self.matched.ids
            page = paginate(results, request.GET.get("page"), self.paginate_by, count)
            if self.matched is None and self.reads_once(filterset, count):
                # Read only if the summary is not cached: its facets are then counted from
                # these rows instead of evaluating the filters again in each of them.
                self.matched = Matched(results, self.matched_fields)
        except PageError as error:
            return self.refuse(request, filterset, {"page": [str(error)]}, output)
        if isinstance(results, list):
            page.object_list = self.matched.objects(self.get_queryset(output), page.object_list)
        if output == "json":
            return self.json(request, page)
        context = {
            "filterset": filterset,
            "page_obj": page,
            "search_query": query,
            "literal_search": bool(query) and is_literal(request.GET),
            "form_params": request.GET,
            **self.extra_context(filterset),
        }
        if query:
            self.add_snippets(page, query)
        return render(request, self.template_name, context)

    def reads_once(self, filterset, count) -> bool:
        """Whether a filtered (not searched) result is read once for its summary."""
        return False

    def rendered(self, template, **context):
        return rendered(template, path=self.request.path, **context)

    def refuse(self, request, filterset, errors, output):
        return refused(
            request,
            filterset,
            errors,
            output,
            template=self.template_name,
            context={"heading": self.plain_heading},
        )


class CallListView(FilteredListView):
    """``/``: calls newest first, with facets, chips and a timeline of the current result."""

    filterset_class = CallFilter
    template_name = "readouts/call_list.html"
    matched_fields = matched_fields()
    cache_prefix = "calls"
    plain_heading = gettext_lazy("Calls")

    def get_queryset(self, output):
        return Call.objects.with_related() if output == "json" else Call.objects.for_list()

    def reads_once(self, filterset, count) -> bool:
        """A filtered list of at most ``READ_ONCE_UP_TO`` calls reads its narrow rows once
        (id, date, countries, languages, facet ids) and counts every facet from them. Each
        facet used to evaluate the filters again (a topic's tens of thousands of calls, every
        time)."""
        return filterset.is_bound and bool(filterset.data) and count <= READ_ONCE_UP_TO

    def extra_context(self, filterset):
        return {
            "heading": describe_calls(filterset),
            "chips": chips_for(filterset),
            **call_list_summary(filterset, self.request.path, self.matched),
        }

    def add_snippets(self, page, query):
        """Each call on the page gets the passage of its readouts where the words matched."""
        calls = {call.pk: call for call in page.object_list}
        texts = Readout.objects.filter(call__in=calls).order_by("pk").values_list("call", "text")
        for call_id, text in texts:
            call = calls[call_id]
            if not getattr(call, "snippet", None):
                call.snippet = search.snippet_if_matched(text, query)

    def json(self, request, page):
        return formats.calls_json(request, page)

    def csv(self, request, calls):
        return formats.calls_csv(request, calls)


class StatementListView(FilteredListView):
    """``/statements/``: what officials said, sentence by sentence, newest call first."""

    filterset_class = StatementFilter
    template_name = "readouts/statement_list.html"
    matched_fields = STATEMENT_FIELDS
    cache_prefix = "statements"
    plain_heading = gettext_lazy("Statements")

    def get_queryset(self, output):
        return Statement.objects.for_list()

    def extra_context(self, filterset):
        return {
            "heading": describe_statements(filterset),
            "chips": chips_for(filterset),
            **result_cached(filterset, "statement-list-summary", lambda: self.summary(filterset)),
        }

    def summary(self, filterset):
        facets = statement_facets(filterset, self.matched)
        return {"facets": facets, **self.rendered("_facets.html", facets=facets, noun="statements")}

    def add_snippets(self, page, query):
        """Statements are short: the template highlights the whole sentence."""

    def json(self, request, page):
        return formats.statements_json(request, page)

    def csv(self, request, statements):
        return formats.statements_csv(request, statements)
