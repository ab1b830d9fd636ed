"""Places and organisations as things: ``/places/<slug>/`` and ``/organisations/<slug>/``.

A concept's page lists the calls whose readouts mention it (in whatever language the readout
said it: a link is made by ``writing.concepts``), with the call list's filters and timeline,
and its names in each language from the thesaurus.
"""

from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from ..browse.facets import year_counts
from ..browse.timeline import call_timeline
from ..models import Call, Concept, ConceptKind, Language, Readout
from .pages import FilteredCallsMixin


class ConceptDetailView(FilteredCallsMixin, DetailView):
    kind = ConceptKind.PLACE
    template_name = "readouts/concept_detail.html"
    context_object_name = "concept"

    def get_queryset(self):
        return Concept.objects.filter(kind=self.kind).select_related("broader")

    def base_calls(self):
        mentioning = Readout.objects.filter(mentions__concept=self.object).values("call_id")
        return Call.objects.for_list().filter(pk__in=mentioning)

    def get_context_data(self, **kwargs):
        valid = not self.calls.is_bound or self.calls.is_valid()
        timeline = call_timeline(self.calls, year_counts(self.calls.qs)) if valid else None
        labels = {}
        for language, label in self.object.labels():
            labels.setdefault(Language(language).label, []).append(label)
        return super().get_context_data(
            timeline=timeline,
            labels=labels.items(),
            narrower=self.object.narrower.filter(kind=self.kind),
            kind_label=ConceptKind(self.kind).label,
            **kwargs,
        )


class PlaceDetailView(ConceptDetailView):
    kind = ConceptKind.PLACE


class OrganisationDetailView(ConceptDetailView):
    kind = ConceptKind.ORGANIZATION


class ConceptListView(ListView):
    """Every place or organisation the readouts mention, with its number of calls."""

    kind = ConceptKind.PLACE
    template_name = "readouts/concept_list.html"

    def get_queryset(self):
        return (
            Concept.objects.filter(kind=self.kind)
            .with_call_counts()
            .filter(call_count__gt=0)
            .order_by("-call_count", "pref_label_en")
        )

    def get_context_data(self, **kwargs):
        heading = _("Places") if self.kind == ConceptKind.PLACE else _("Organisations")
        return super().get_context_data(heading=heading, **kwargs)


class PlaceListView(ConceptListView):
    kind = ConceptKind.PLACE


class OrganisationListView(ConceptListView):
    kind = ConceptKind.ORGANIZATION
