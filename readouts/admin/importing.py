"""The admin's "Add a readout from text" page: preview what the parser understood, then save."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from .. import parsing
from ..models import Language, Office, Official, Topic
from ..writing import ingest
from .forms import ImportReadoutForm
from .pages import ModelAdminPage


class ImportReadoutView(ModelAdminPage, FormView):
    form_class = ImportReadoutForm
    template_name = "admin/readouts/readout/import.html"
    permission = "add"
    title = _("Add a readout from text")

    def form_valid(self, form):
        text = form.cleaned_data["readout_text"]
        digest = ingest.content_hash(text)
        duplicate = ingest.stored_copy(text)
        wants_save = "_save" in self.request.POST
        if wants_save and not duplicate and form.cleaned_data["previewed"] == digest:
            return self.save(form, text)
        # The page shown again carries the decoded text, so an uploaded file need not be re-sent.
        next_form = self.form_class(
            initial={**form.cleaned_data, "text": text, "previewed": digest}
        )
        return self.render_to_response(
            self.get_context_data(
                form=next_form,
                preview=describe(form.cleaned_data["parsed"]),
                language_warning=form.language_mismatch,
                duplicate=duplicate,
                save_refused=wants_save and not duplicate,
            )
        )

    def save(self, form, text):
        data = form.cleaned_data
        result = ingest.ingest_text(
            text,
            source=data["source"],
            source_url=data["source"],
            publisher=data["publisher"],
            language=data["language"],
        )
        if result.status == ingest.Status.CONFLICT:
            return self.render_to_response(
                self.get_context_data(
                    form=form, preview=describe(data["parsed"]), conflict=result.readout
                )
            )
        if result.status == ingest.Status.UNCHANGED:  # saved by someone else a moment ago
            return self.render_to_response(
                self.get_context_data(form=form, duplicate=result.readout)
            )
        self.model_admin.log_addition(self.request, result.readout, [{"added": {}}])
        if result.status == ingest.Status.MERGED:
            saved = _(
                "The readout was saved to the existing call, %(call)s, with %(count)s "
                "statements. Check its participants below and its statements on the readout's "
                "page."
            )
        else:
            saved = _(
                "The readout was saved to a new call, %(call)s, with %(count)s statements. "
                "Check its participants below and its statements on the readout's page."
            )
        messages.success(
            self.request,
            saved % {"call": result.call, "count": result.readout.statements.count()},
        )
        return redirect("admin:readouts_call_change", result.call.pk)


def describe(parsed: parsing.ParsedReadout) -> dict:
    """The parse with slugs turned into names, for the preview."""
    speakers = {s.speaker for s in parsed.statements} | {p.slug for p in parsed.participants}
    names = dict(Official.objects.filter(slug__in=speakers).values_list("slug", "name"))
    names.update({p.slug: p.name for p in parsed.participants})
    names[parsing.BOTH] = _("Both sides")
    topic_names = {topic.slug: topic.name for topic in Topic.objects.all()}
    offices = {p.office for p in parsed.participants if p.office}
    office_titles = {o.slug: o.title for o in Office.objects.filter(slug__in=offices)}
    return {
        "parsed": parsed,
        "language": Language(parsed.language).label if parsed.language in Language.values else "",
        "participants": [
            {"participant": p, "office": office_titles.get(p.office, p.office or "")}
            for p in parsed.participants
        ],
        "initiator": names.get(parsed.initiator, "") if parsed.initiator else "",
        "statements": [
            {
                "statement": statement,
                "speaker": names.get(statement.speaker, statement.speaker),
                # Each tag with the words that triggered it, so an editor can judge the tag.
                "topics": [
                    (topic_names.get(slug, slug), statement.topic_evidence.get(slug, ""))
                    for slug in statement.topics
                ],
            }
            for statement in parsed.statements
        ],
        "topics": [topic_names.get(slug, slug) for slug in parsed.topics],
    }
