"""The admin's "Needs review" queue: every flagged readout not yet reviewed, worst first.

Each item shows the parser's reasons beside the text and links to the forms that settle them
(the readout's statements and speakers, the call's participants and date, a new official);
"Mark reviewed" records who checked it and when (``writing.review.mark_reviewed``).
"""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ..models import Participant, Readout, Statement
from ..writing.review import mark_reviewed, settled_since
from .pages import ModelAdminPage

PER_PAGE = 20


class ReviewQueueView(ModelAdminPage, TemplateView):
    template_name = "admin/readouts/readout/review_queue.html"
    title = _("Readouts that need review")

    def get_context_data(self, **kwargs):
        queue = Readout.objects.needing_review().prefetch_related(
            Prefetch(
                "call__participants",
                queryset=Participant.objects.select_related("official").order_by("position"),
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.filter(speaker_guessed=True).select_related("speaker"),
                to_attr="guessed_statements",
            ),
        )
        page = Paginator(queue, PER_PAGE).get_page(self.request.GET.get("page"))
        week_ago = timezone.now() - dt.timedelta(days=7)
        return super().get_context_data(
            page_obj=page,
            left=page.paginator.count,
            settled_this_week=settled_since(week_ago),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        readout = get_object_or_404(Readout, pk=request.POST.get("readout"))
        mark_reviewed([readout], request.user)
        self.model_admin.log_change(request, readout, "Marked reviewed.")
        messages.success(request, _("%(readout)s is marked reviewed.") % {"readout": readout})
        return redirect("admin:readouts_readout_review")
