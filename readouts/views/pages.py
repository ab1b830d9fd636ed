"""Pages about one thing: a call, an official, a topic (and the official and topic indexes)."""

from django.views.generic import DetailView, ListView

from ..models import Call, Official, Topic


class CallDetailView(DetailView):
    queryset = Call.objects.with_related()
    template_name = "readouts/call_detail.html"


class OfficialListView(ListView):
    queryset = Official.objects.with_call_counts()
    template_name = "readouts/official_list.html"


class OfficialDetailView(DetailView):
    model = Official
    template_name = "readouts/official_detail.html"


class TopicListView(ListView):
    model = Topic
    template_name = "readouts/topic_list.html"


class TopicDetailView(DetailView):
    model = Topic
    template_name = "readouts/topic_detail.html"
