"""The archive's records: who spoke with whom, when, what each side published, and what was said."""

from collections.abc import Iterable

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .parsing import REVIEW_KINDS, VERB_CLASSES
from .parsing.publishers import publisher_name

country_code = RegexValidator(r"^[A-Z]{2}$", "An ISO 3166 alpha-2 code in capitals, e.g. AZ.")


class Country(models.TextChoices):
    AZERBAIJAN = "AZ", _("Azerbaijan")
    UNITED_STATES = "US", _("United States")


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")
    AZERBAIJANI = "az", _("Azerbaijani")


def choice_label(choices: type[models.Choices], value: str) -> str:
    """A stored value's label, as ``get_<field>_display`` gives it, without building the
    field's choices again for each of the rows a page shows."""
    try:
        return choices(value).label
    except ValueError:  # a value the choices no longer hold (or none): shown as stored
        return value


def interface_is_french() -> bool:
    """Whether the page is being written in French (records keep English and French names)."""
    return (get_language() or "en").startswith("fr")


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        """Lets ``loaddata`` match rows by slug, so dumps move between databases (natural keys)."""
        return self.get(slug=slug)


class EditedByStaff(models.Model):
    """Who last corrected a row in the admin, and when: ``load_readouts --update`` keeps it."""

    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_edited(self) -> bool:
        return self.edited_at is not None


class Office(models.Model):
    """A canonical post (``us-secretary-of-state``) that different officials hold over time."""

    slug = models.SlugField(max_length=80, unique=True)
    country = models.CharField(max_length=2, validators=[country_code])
    title_en = models.CharField(max_length=200)
    title_fr = models.CharField(max_length=200, blank=True)

    objects = SlugQuerySet.as_manager()

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["country", "title_en"]

    def __str__(self):
        return self.title_en

    @property
    def title(self) -> str:
        """The title in the interface language ("secrétaire d'État des États-Unis")."""
        return (self.title_fr if interface_is_french() else "") or self.title_en

    def natural_key(self):
        return (self.slug,)


class OfficialQuerySet(SlugQuerySet):
    def with_call_counts(self):
        return self.annotate(call_count=Count("participations__call", distinct=True))


class Official(models.Model):
    """A person who takes part in calls or is named in readouts."""

    name = models.CharField(max_length=200, help_text="Canonical English spelling.")
    slug = models.SlugField(max_length=200, unique=True)
    country = models.CharField(max_length=2, validators=[country_code], blank=True)
    name_variants = models.JSONField(
        default=list,
        blank=True,
        help_text="Other spellings and scripts the readouts use (Aliev, Əliyev, Алиев).",
    )
    needs_review = models.BooleanField(
        default=False,
        db_index=True,
        help_text="Created by the parser from a readout; staff have not checked it yet.",
    )

    objects = OfficialQuerySet.as_manager()

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["name"]
        constraints = [
            # An empty slug has no URL and would make every later nameless official the same one.
            models.CheckConstraint(condition=~Q(slug=""), name="official_slug_not_empty"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("official-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


class Tenure(models.Model):
    """An official holding an office between two dates."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="tenures")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="tenures")
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Empty while still in office.")
    acting = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="tenure_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["official", "office", "start"], name="tenure_unique_start"
            ),
        ]

    def __str__(self):
        end = self.end.isoformat() if self.end else "present"
        return f"{self.official} — {self.office} ({self.start.isoformat()} to {end})"


class TopicQuerySet(SlugQuerySet):
    def with_call_counts(self):
        return self.annotate(call_count=Count("calls", distinct=True))


class Topic(models.Model):
    """A subject from the controlled vocabulary, with the cue words that tag statements with it."""

    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(max_length=200)
    name_fr = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    cues_fr = models.JSONField(default=list, blank=True)
    cues_en = models.JSONField(default=list, blank=True)
    cues_az = models.JSONField(default=list, blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name_en"]

    def __str__(self):
        return self.name_en

    def get_absolute_url(self):
        return reverse("topic-detail", args=[self.slug])

    @property
    def name(self) -> str:
        """The name in the interface language, English when it has no French one."""
        return (self.name_fr if interface_is_french() else "") or self.name_en

    def natural_key(self):
        return (self.slug,)


class ConceptKind(models.TextChoices):
    PLACE = "place", _("Place")
    ORGANIZATION = "organization", _("Organisation")
    DOCUMENT = "document", _("Document")
    TERM = "term", _("Term")


# The languages a concept is labelled in (SKOS prefLabel and altLabel, per language).
LABEL_LANGUAGES = ("en", "fr", "az", "ru")


class ConceptQuerySet(SlugQuerySet):
    def with_call_counts(self):
        return self.annotate(call_count=Count("mentions__readout__call", distinct=True))


class Concept(models.Model):
    """A place, organisation, document or term of the field, labelled in each language (SKOS).

    ``pref_label_*`` is the name shown in that language; ``alt_labels_*`` the other names the
    readouts use (spellings, acronyms, declensions' base forms). Search widens a word to every
    label of its concept; mentions the parser finds resolve to the concept that has the name.
    """

    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=12, choices=ConceptKind.choices)
    pref_label_en = models.CharField("preferred label (English)", max_length=200)
    pref_label_fr = models.CharField("preferred label (French)", max_length=200, blank=True)
    pref_label_az = models.CharField("preferred label (Azerbaijani)", max_length=200, blank=True)
    alt_labels_en = models.JSONField("other labels (English)", default=list, blank=True)
    alt_labels_fr = models.JSONField("other labels (French)", default=list, blank=True)
    alt_labels_az = models.JSONField("other labels (Azerbaijani)", default=list, blank=True)
    alt_labels_ru = models.JSONField("other labels (Russian)", default=list, blank=True)
    broader = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="narrower"
    )
    note = models.TextField("scope note", blank=True)

    objects = ConceptQuerySet.as_manager()

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["pref_label_en"]
        indexes = [models.Index(fields=["kind", "slug"], name="concept_kind_slug")]

    def __str__(self):
        return self.pref_label_en

    def get_absolute_url(self):
        if self.kind == ConceptKind.PLACE:
            return reverse("place-detail", args=[self.slug])
        if self.kind == ConceptKind.ORGANIZATION:
            return reverse("organisation-detail", args=[self.slug])
        return ""

    def natural_key(self):
        return (self.slug,)

    def pref_label(self, language: str) -> str:
        return getattr(self, f"pref_label_{language}", "") or self.pref_label_en

    @property
    def name(self) -> str:
        """The preferred label in the interface language."""
        return self.pref_label("fr" if interface_is_french() else "en")

    def labels(self) -> list[tuple[str, str]]:
        """Every label as (language, label), preferred first, without repeats."""
        found: list[tuple[str, str]] = []
        for language in LABEL_LANGUAGES:
            pref = getattr(self, f"pref_label_{language}", "")
            for label in [pref, *getattr(self, f"alt_labels_{language}")]:
                if label and (language, label) not in found:
                    found.append((language, label))
        return found


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")


def _participants_in_call_order():
    """A call's participants for a prefetch, in their order on the call. Prefetches of a
    call's rows (participants, readouts, statements) order them within their call alone:
    the models' default ordering starts with the call, which joined the calls' table only to
    sort by its date and slug."""
    return Participant.objects.select_related("official", "office").order_by("position", "pk")


class CallQuerySet(SlugQuerySet):
    def real(self):
        """Calls from real readouts: demo data never reaches feeds or sitemaps."""
        return self.filter(is_demo=False)

    def for_list(self):
        """What a call's row in a list or a feed shows (participants, topics, each readout's
        side and language), in a fixed number of queries whatever the page size."""
        return self.select_related("initiator").prefetch_related(
            models.Prefetch("participants", queryset=_participants_in_call_order()),
            "topics",
            models.Prefetch(
                "readouts", queryset=Readout.objects.only(*Readout.LIST_FIELDS).order_by("pk")
            ),
        )

    def neighbours(self, call):
        """(previous, next) in the list's order: newest first, then slug; only what a link to
        them shows (slug, date and its precision).

        Two index lookups each rather than one OR, which SQLite cannot answer from the date index.
        """
        linked = self.only("slug", "date", "date_precision")
        previous = (
            linked.filter(date=call.date, slug__gt=call.slug).order_by("slug").first()
            or linked.filter(date__lt=call.date).order_by("-date", "slug").first()
        )
        following = (
            linked.filter(date=call.date, slug__lt=call.slug).order_by("-slug").first()
            or linked.filter(date__gt=call.date).order_by("date", "-slug").first()
        )
        return previous, following

    def with_related(self, *, statement_topics: bool = True):
        """Everything a call page or an export shows, in a fixed number of queries. Without
        ``statement_topics`` a statement's topic links are not read: the call page takes them
        out of the call's (``Statement.topics_among``), a query and a related manager per
        statement fewer."""
        statements = Statement.objects.select_related("speaker").order_by("order", "pk")
        if statement_topics:
            statements = statements.prefetch_related("topics")
        return self.select_related("initiator").prefetch_related(
            models.Prefetch("participants", queryset=_participants_in_call_order()),
            "topics",
            models.Prefetch(
                "readouts",
                queryset=Readout.objects.order_by("pk").prefetch_related(
                    models.Prefetch("statements", queryset=statements),
                    models.Prefetch("mentions", queryset=Mention.objects.select_related("concept")),
                ),
            ),
        )


class Call(EditedByStaff):
    """One phone call, however many readouts describe it."""

    slug = models.SlugField(max_length=200, unique=True)
    date = models.DateField()
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    # Stored so the year facet is a plain indexed column rather than a per-row function call.
    year = models.PositiveSmallIntegerField(editable=False)
    initiator = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calls_initiated",
        help_text="Who placed the call; empty when no readout says.",
    )
    officials = models.ManyToManyField(Official, through="Participant", related_name="calls")
    topics = models.ManyToManyField(Topic, blank=True, related_name="calls")
    is_demo = models.BooleanField(default=False, help_text="Synthetic data for benchmarks.")
    # Kept by ``writing.derived`` (never by hand): the countries of the call's officials and the
    # languages of its readouts, as sorted codes ("AZ US", "en fr"), so the country and language
    # filters and facets read the call's own row instead of joining participants or readouts.
    countries = models.CharField(max_length=60, blank=True, default="", editable=False)
    languages = models.CharField(max_length=60, blank=True, default="", editable=False)
    # Kept by ``writing.derived``: the ids of the officials, offices, topics and mentioned
    # concepts the call-list facets count, distinct and ascending ("3 12 40"), read with the
    # rows of a search or filtered list (``browse.matched``) and counted by numpy in one pass.
    official_ids = models.TextField(blank=True, default="", editable=False)
    office_ids = models.TextField(blank=True, default="", editable=False)
    topic_ids = models.TextField(blank=True, default="", editable=False)
    concept_ids = models.TextField(blank=True, default="", editable=False)
    FACET_ID_COLUMNS = ("official_ids", "office_ids", "topic_ids", "concept_ids")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-date", "slug"]
        get_latest_by = "date"
        indexes = [
            models.Index(fields=["date"], name="call_date_idx"),
            models.Index(fields=["year", "date"], name="call_year_date_idx"),
        ]

    def __str__(self):
        return self.slug

    def save(self, *args, **kwargs):
        self.year = self.date.year
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("call-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


class Participant(EditedByStaff):
    """An official on a call, with the title exactly as a readout wrote it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="participants")
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="participations")
    office = models.ForeignKey(
        Office,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The post the official held on the call's date.",
    )
    title_as_written = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "official"], name="participant_unique_official")
        ]
        indexes = [models.Index(fields=["official", "call"], name="participant_official_idx")]

    def __str__(self):
        return f"{self.official} on {self.call}"


# What a readout can be flagged for (``parsing.REVIEW_KINDS``), as editors read it.
REVIEW_FLAG_LABELS = {
    "framing": _("Framing not recognised"),
    "language": _("No rules for its language"),
    "new-official": _("Official not in the table"),
    "date": _("Date from the header or manifest only"),
    "speaker": _("Speaker guessed"),
    "topics": _("No topics found"),
    "parser": _("Parser note"),
}
ReviewFlag = models.TextChoices(
    "ReviewFlag",
    [(kind.upper().replace("-", "_"), (kind, REVIEW_FLAG_LABELS[kind])) for kind in REVIEW_KINDS],
)


class ReadoutQuerySet(models.QuerySet):
    def needing_review(self):
        """Flagged by the parser and not yet reviewed by an editor, worst first."""
        return (
            self.filter(reviewed_at__isnull=True, review_weight__gt=0)
            .select_related("call")
            .order_by("-review_weight", "-call__date", "pk")
        )


class Readout(models.Model):
    """One published account of a call, kept verbatim."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="readouts")
    source = models.CharField(
        max_length=500, blank=True, help_text="File name or URL the text came from."
    )
    source_url = models.URLField(
        max_length=500, blank=True, help_text="Where the publisher put the text online."
    )
    published = models.DateField(
        null=True, blank=True, help_text="The publication date of that page, when known."
    )
    publisher = models.CharField(max_length=80, blank=True)
    relays = models.CharField(
        max_length=80,
        blank=True,
        help_text="The publisher whose readout this one relays (an agency's source).",
    )
    side = models.CharField(
        max_length=2, choices=Country.choices, blank=True, help_text="Whose account this is."
    )
    language = models.CharField(max_length=2, choices=Language.choices)
    headline = models.CharField(max_length=500, blank=True)
    text = models.TextField(help_text="The readout exactly as published.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    warnings = models.JSONField(default=list, blank=True)
    # What the parser was unsure of: [{"flag": ReviewFlag, "detail": "..."}], and their
    # weight (0 when nothing is flagged), both written by ingest (``writing.review``).
    review_flags = models.JSONField(default=list, blank=True)
    review_weight = models.PositiveSmallIntegerField(default=0)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = ReadoutQuerySet.as_manager()

    # What a call's row in a list, a feed or a CSV shows of each readout (not its text).
    LIST_FIELDS = (
        "call", "language", "side", "publisher", "relays", "source", "source_url", "reviewed_at"
    )  # fmt: skip

    class Meta:
        verbose_name = _("readout")
        verbose_name_plural = _("readouts")
        ordering = ["call", "pk"]
        indexes = [
            models.Index(fields=["source"], name="readout_source_idx"),
            models.Index(
                fields=["-review_weight"],
                name="readout_review_queue_idx",
                condition=Q(reviewed_at__isnull=True, review_weight__gt=0),
            ),
        ]

    def __str__(self):
        return self.source or f"Readout {self.pk} of {self.call}"

    def get_absolute_url(self):
        return f"{self.call.get_absolute_url()}#readout-{self.pk}"

    @property
    def publisher_name(self):
        """ "AZERTAC (Azerbaijan State News Agency), relaying the Azerbaijani Presidency"."""
        return publisher_name(self.publisher, self.relays)

    @property
    def cited_source(self):
        """What a citation points at: the page's address when known, else the file name."""
        return self.source_url or self.source

    @property
    def language_label(self) -> str:
        return choice_label(Language, self.language)

    @property
    def side_label(self) -> str:
        return choice_label(Country, self.side)

    @property
    def review_flag_labels(self):
        labels = dict(ReviewFlag.choices)
        return [(labels.get(f["flag"], f["flag"]), f.get("detail", "")) for f in self.review_flags]


# How each kind of statement the parser tells apart (``parsing.VERB_CLASSES``, the one list)
# reads on the site; a kind without a label here stops the app at import.
VERB_CLASS_LABELS = {
    "concern": _("Concern"),
    "emphasis": _("Emphasis"),
    "urge": _("Call / urge"),
    "welcome": _("Welcome / praise"),
    "agreement": _("Agreement"),
    "support": _("Support / commitment"),
    "information": _("Information"),
    "hope": _("Hope"),
    "condolence": _("Condolence"),
    "discussion": _("Discussion"),
}
VerbClass = models.TextChoices(
    "VerbClass", [(kind.upper(), (kind, VERB_CLASS_LABELS[kind])) for kind in VERB_CLASSES]
)


class StatementQuerySet(models.QuerySet):
    def for_list(self):
        """Statements as the lists show them: speaker, call and topics, newest call first."""
        return (
            self.select_related("speaker", "readout__call")
            .defer("readout__text")
            .prefetch_related("topics")
            .order_by("-readout__call__date", "readout__call__slug", "readout_id", "order")
        )


class Statement(EditedByStaff):
    """A sentence of a readout attributed to one official, or to both sides (no speaker)."""

    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="statements")
    order = models.PositiveSmallIntegerField()
    speaker = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text="Empty when the readout gives the words to both sides.",
    )
    text = models.TextField()
    verb = models.CharField(max_length=120, blank=True)
    verb_class = models.CharField(max_length=20, choices=VerbClass.choices, blank=True)
    speaker_guessed = models.BooleanField(default=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements")
    topic_evidence = models.JSONField(
        default=dict,
        blank=True,
        help_text="For each topic the parser gave, the words of the sentence that triggered it.",
    )
    # Kept by ``writing.derived``: the ids of its topics, ascending ("3 12"), read with the rows
    # of a statement search (``browse.matched``) so its topic facet is counted from them rather
    # than by looking up each matching statement's links again.
    # (db_default too: code from before 0021 still serving during a deploy inserts without it.)
    topic_ids = models.TextField(blank=True, default="", db_default="", editable=False)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["readout", "order"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "order"], name="statement_unique_order")
        ]
        indexes = [models.Index(fields=["speaker", "readout"], name="statement_speaker_idx")]

    def __str__(self):
        return f"{self.readout} #{self.order}"

    def get_absolute_url(self):
        return f"{self.readout.call.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"r{self.readout_id}s{self.order}"

    @property
    def verb_class_label(self) -> str:
        return choice_label(VerbClass, self.verb_class)

    def topics_among(self, call_topics: Iterable[Topic]) -> list[Topic]:
        """Its topics out of its call's, which hold every statement's (``writing.derived``
        keeps both and ``topic_ids``): a page of the call reads none of a statement's links."""
        ids = {int(pk) for pk in self.topic_ids.split()}
        return [topic for topic in call_topics if topic.pk in ids]


class MentionKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANIZATION = "organization", _("Organization")
    PLACE = "place", _("Place")
    DOCUMENT = "document", _("Document")


class Mention(models.Model):
    """A person, organisation, place or document a readout names without it being on the call."""

    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(max_length=12, choices=MentionKind.choices)
    name = models.CharField(max_length=300)
    official = models.ForeignKey(
        Official, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentions"
    )
    concept = models.ForeignKey(
        Concept, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentions"
    )

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "kind", "name"], name="mention_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class SearchDocument(models.Model):
    """A row of a full-text table, keyed by the id of the call or statement it holds.

    The tables belong to the database's engine, not to Django: an FTS5 table on SQLite (words
    folded and stemmed by ``readouts.search.index``), a tsvector with a GIN index on PostgreSQL.
    ``readouts.writing.derived.refresh_derived`` keeps them current.
    """

    body = models.TextField()
    rank = models.FloatField(help_text="FTS5's bm25 score (SQLite only, lower is better).")

    class Meta:
        abstract = True
        managed = False


class CallSearchDocument(SearchDocument):
    """A call's readouts and its participants' names in every spelling, one row per call."""

    call = models.OneToOneField(
        Call,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="search_document",
    )

    class Meta(SearchDocument.Meta):
        db_table = "readouts_call_search"

    def __str__(self):
        return f"Search document of call {self.call_id}"


class StatementSearchDocument(SearchDocument):
    """One statement's words."""

    statement = models.OneToOneField(
        Statement,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="search_document",
    )

    class Meta(SearchDocument.Meta):
        db_table = "readouts_statement_search"

    def __str__(self):
        return f"Search document of statement {self.statement_id}"


# Summaries of the official and topic pages. Derived rows, kept by ``writing.derived`` (through
# ``writing.summaries``) and never written by hand: each page reads a few of them instead of
# aggregating every call or statement of a president or of a broad topic.


class CallTally(models.Model):
    """What the summaries counted for one call, so that a write can take it back exactly.

    No foreign key: the row must outlive a deleted call until ``refresh_derived`` is handed
    that call's id, which then subtracts it.
    """

    call_id = models.BigIntegerField(primary_key=True)
    month = models.DateField(help_text="The first day of the call's month.")
    officials = models.JSONField(default=list)  # [official id, ...]
    topics = models.JSONField(default=dict)  # {"topic id": statements on it}
    speakers = models.JSONField(default=list)  # [[speaker id, topic id, statements], ...]

    def __str__(self):
        return f"Tally of call {self.call_id}"


class OfficialMonth(models.Model):
    """How many calls an official was on in a month: the count and the page of their calls."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    calls = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["official", "month"], name="official_month_unique")
        ]

    def __str__(self):
        return f"{self.official_id} {self.month:%Y-%m}: {self.calls}"


class OfficialCounterpart(models.Model):
    """How many calls two officials shared (one row each way)."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    calls = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["official", "other"], name="counterpart_unique")
        ]

    def __str__(self):
        return f"{self.official_id} with {self.other_id}: {self.calls}"


class OfficialTopic(models.Model):
    """An official's statements on a topic: how many, and the newest three.

    ``latest`` holds ``[call date, statement order, statement id, call id]`` of the newest
    three (newest call first, then the readout's order), the call list's order.
    """

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    statements = models.PositiveIntegerField()
    latest = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["official", "topic"], name="official_topic_unique")
        ]

    def __str__(self):
        return f"{self.official_id} on {self.topic_id}: {self.statements}"


class TopicMonth(models.Model):
    """A topic's calls and statements in a month: the topic page's timeline, counts and pages."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    calls = models.PositiveIntegerField()
    statements = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "month"], name="topic_month_unique")
        ]

    def __str__(self):
        return f"{self.topic_id} {self.month:%Y-%m}: {self.calls}"
