"""What each record looks like in the API, every field with the description the schema shows.

Related records appear by slug (officials, offices, topics, calls) or id (readouts,
statements) with the API URL of their own detail. The querysets in ``views.py`` fetch
everything a serializer reads in a fixed number of queries, whatever the page size.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Call, Language, Mention, Office, Official, Readout, Statement, Topic


def _absolute(serializer, path):
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The absolute URL of a record's detail in the API (``route`` is the URL name)."""

    def __init__(self, route, key="slug", **kwargs):
        self.route, self.key = route, key
        kwargs.setdefault("help_text", "This record in the API.")
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        kwargs = {self.key: getattr(value, self.key)}
        return _absolute(self.parent, reverse(self.route, kwargs=kwargs))


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute URL of the record's page on the site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "This record's page on the site, for people.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return _absolute(self.parent, value.get_absolute_url())


class OfficeSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api-office-detail")
    slug = serializers.SlugField(help_text="The office's stable identifier.")
    country = serializers.CharField(help_text="ISO 3166 alpha-2 code of the office's country.")
    title_en = serializers.CharField(help_text="The office's title in English.")
    title_fr = serializers.CharField(help_text="The office's title in French; may be empty.")

    class Meta:
        model = Office
        fields = ["slug", "url", "country", "title_en", "title_fr"]


class OfficialSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api-official-detail")
    page = PageUrlField()
    slug = serializers.SlugField(help_text="The official's stable identifier.")
    name = serializers.CharField(help_text="Canonical English spelling of the name.")
    country = serializers.CharField(
        help_text="ISO 3166 alpha-2 code of the official's country; empty when not recorded."
    )
    name_variants = serializers.ListField(
        child=serializers.CharField(),
        help_text="Other spellings and scripts the readouts use (Aliev, Əliyev, Алиев).",
    )
    needs_review = serializers.BooleanField(
        help_text="Created by the parser from a readout; staff have not checked it yet."
    )
    call_count = serializers.IntegerField(help_text="Calls the official took part in.")

    class Meta:
        model = Official
        fields = [
            "slug", "url", "page", "name", "country", "name_variants", "needs_review",
            "call_count",
        ]  # fmt: skip


class TopicSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api-topic-detail")
    page = PageUrlField()
    slug = serializers.SlugField(help_text="The topic's stable identifier (use it in `topic=`).")
    name_en = serializers.CharField(help_text="The topic's name in English.")
    name_fr = serializers.CharField(help_text="The topic's name in French; may be empty.")
    description = serializers.CharField(help_text="What the topic covers; may be empty.")
    cues_en = serializers.ListField(
        child=serializers.CharField(),
        help_text="English words and phrases that tag a statement with this topic.",
    )
    cues_fr = serializers.ListField(
        child=serializers.CharField(),
        help_text="French words and phrases that tag a statement with this topic.",
    )
    cues_az = serializers.ListField(
        child=serializers.CharField(),
        help_text="Azerbaijani words and word starts that tag a statement with this topic.",
    )
    call_count = serializers.IntegerField(help_text="Calls with a statement on this topic.")

    class Meta:
        model = Topic
        fields = [
            "slug", "url", "page", "name_en", "name_fr", "description", "cues_en", "cues_fr",
            "cues_az", "call_count",
        ]  # fmt: skip


class ParticipantSerializer(serializers.Serializer):
    official = serializers.SlugField(source="official.slug", help_text="The official's slug.")
    name = serializers.CharField(source="official.name", help_text="The official's name.")
    country = serializers.CharField(
        source="official.country", help_text="ISO 3166 alpha-2 code of the official's country."
    )
    office = serializers.SlugField(
        source="office.slug",
        allow_null=True,
        default=None,
        help_text="Slug of the office held on the call's date; null when unknown.",
    )
    title_as_written = serializers.CharField(
        help_text="The title exactly as a readout wrote it; may be empty."
    )


class ReadoutBriefSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text="The readout's identifier.")
    url = ApiUrlField("api-readout-detail", key="pk")
    publisher = serializers.CharField(
        help_text="Who published it (a key such as `az-presidency`); see /data/ for the list."
    )
    side = serializers.CharField(
        help_text="Whose account it is: AZ or US (ISO 3166 alpha-2); empty when unknown."
    )
    language = serializers.ChoiceField(
        choices=Language.choices, help_text="The language of the text (ISO 639-1)."
    )

    class Meta:
        model = Readout
        fields = ["id", "url", "publisher", "side", "language"]


class CallSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api-call-detail")
    page = PageUrlField()
    slug = serializers.SlugField(help_text="The call's stable identifier.")
    date = serializers.DateField(
        help_text="The day of the call; the first of the month when only the month is known."
    )
    date_precision = serializers.ChoiceField(
        choices=["day", "month"], help_text="Whether `date` is exact to the day or the month."
    )
    initiator = serializers.SlugField(
        source="initiator.slug",
        allow_null=True,
        default=None,
        help_text="Slug of the official who placed the call; null when no readout says.",
    )
    participants = ParticipantSerializer(
        many=True, help_text="The officials on the call, in the order the readouts name them."
    )
    topics = serializers.SlugRelatedField(
        many=True,
        read_only=True,
        slug_field="slug",
        help_text="Slugs of the call's topics: the union of its statements' topics.",
    )
    readouts = ReadoutBriefSerializer(
        many=True, help_text="Each published account of the call (its text is in its detail)."
    )

    class Meta:
        model = Call
        fields = [
            "slug", "url", "page", "date", "date_precision", "initiator", "participants",
            "topics", "readouts",
        ]  # fmt: skip


class StatementInReadoutSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text="The statement's identifier.")
    url = ApiUrlField("api-statement-detail", key="pk")
    order = serializers.IntegerField(help_text="Its position in the readout, from 1.")
    speaker = serializers.SlugField(
        source="speaker.slug",
        allow_null=True,
        default=None,
        help_text="Slug of the official who said it; null when the readout gives it to both sides.",
    )
    text = serializers.CharField(help_text="The sentence exactly as the readout has it.")
    verb = serializers.CharField(
        help_text="The reporting verb as written (`stressed`); may be empty."
    )
    verb_class = serializers.CharField(
        help_text="The kind of statement (concern, emphasis, urge, welcome, agreement, support, "
        "information, hope, condolence, discussion); empty when unclassified."
    )
    speaker_guessed = serializers.BooleanField(
        help_text="The parser inferred the speaker from context rather than a name."
    )
    topics = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug", help_text="Slugs of the statement's topics."
    )

    class Meta:
        model = Statement
        fields = [
            "id", "url", "order", "speaker", "text", "verb", "verb_class", "speaker_guessed",
            "topics",
        ]  # fmt: skip


class StatementSerializer(StatementInReadoutSerializer):
    page = PageUrlField(help_text="The statement in its call's page on the site.")
    call = serializers.SlugField(source="readout.call.slug", help_text="The call's slug.")
    date = serializers.DateField(source="readout.call.date", help_text="The call's date.")
    readout = serializers.IntegerField(source="readout_id", help_text="The readout's id.")
    speaker_name = serializers.CharField(
        source="speaker.name",
        allow_null=True,
        default=None,
        help_text="The speaker's name; null for both sides.",
    )

    class Meta(StatementInReadoutSerializer.Meta):
        fields = [
            "id", "url", "page", "call", "date", "readout", "order", "speaker", "speaker_name",
            "text", "verb", "verb_class", "speaker_guessed", "topics",
        ]  # fmt: skip


class MentionSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="person, organization, place or document.")
    name = serializers.CharField(help_text="The name as the readout wrote it.")
    official = serializers.SlugField(
        source="official.slug",
        allow_null=True,
        default=None,
        help_text="Slug of the official it names, when it names one of them.",
    )

    class Meta:
        model = Mention
        fields = ["kind", "name", "official"]


class ReadoutSerializer(ReadoutBriefSerializer):
    call = serializers.SlugField(source="call.slug", help_text="The call's slug.")
    call_url = ApiUrlField("api-call-detail", help_text="The call in the API.", source="call")
    publisher_name = serializers.CharField(
        help_text="The publisher's full name, and whose readout it relays if it does."
    )
    source = serializers.CharField(help_text="The file name or URL the text came from.")
    source_url = serializers.CharField(
        help_text="Where the publisher put the text online; may be empty."
    )
    published = serializers.DateField(
        allow_null=True, help_text="The publication date of that page; null when unknown."
    )
    relays = serializers.CharField(
        help_text="The publisher whose readout this one relays (an agency's source); may be empty."
    )
    reviewed = serializers.DateField(
        source="reviewed_at.date",
        allow_null=True,
        default=None,
        help_text="The day an editor reviewed what the parser was unsure of; null when not yet.",
    )
    headline = serializers.CharField(help_text="The headline as published; may be empty.")
    text = serializers.CharField(help_text="The readout exactly as published.")
    statements = StatementInReadoutSerializer(
        many=True, help_text="The readout's sentences attributed to a speaker, in order."
    )
    mentions = MentionSerializer(
        many=True, help_text="People, organisations, places and documents it names."
    )

    class Meta(ReadoutBriefSerializer.Meta):
        fields = [
            "id", "url", "call", "call_url", "publisher", "relays", "publisher_name", "side",
            "language", "source", "source_url", "published", "headline", "text", "reviewed",
            "statements", "mentions",
        ]  # fmt: skip


class CallDetailSerializer(CallSerializer):
    readouts = ReadoutSerializer(
        many=True, help_text="Each published account of the call, with its text and statements."
    )

    class Meta(CallSerializer.Meta):
        pass


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The parameter value (a slug, a year, a code).")
    label = serializers.CharField(help_text="How the site shows the value.")
    count = serializers.IntegerField(help_text="Rows of the current result with this value.")
    active = serializers.BooleanField(help_text="Whether the current filters include it.")
    query = serializers.CharField(
        help_text="The query string with this value toggled (added, or removed when active)."
    )


class FacetSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The filter parameter the facet counts.")
    title = serializers.CharField(help_text="The facet's heading on the site.")
    values = FacetValueSerializer(many=True, help_text="The commonest values, most rows first.")


class FacetsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Rows matching the filters.")
    facets = FacetSerializer(
        many=True, help_text="Counts per value of each facet, as the page shows."
    )
