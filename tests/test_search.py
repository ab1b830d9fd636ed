"""Full-text search: the same expectations on SQLite (FTS5) and PostgreSQL (tsvector)."""

import pytest
from django.template import Context, Template

from readouts.models import Call, Readout, Statement, Topic
from readouts.search import build_query, highlight, search_calls, search_statements, snippet
from readouts.search import index as search_index
from readouts.search.grammar import SearchQuery, Term
from readouts.writing.derived import refresh_derived

from .factories import make_call, make_official, make_statements_on_topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    aliyev = make_official(
        "Ilham Aliyev",
        country="AZ",
        name_variants=["Ilham Aliev", "İlham Əliyev", "Ильхам Алиев"],
    )
    blinken = make_official("Antony Blinken")
    return aliyev, blinken


def found(query, queryset=None):
    """Slugs of the calls a query finds, best first."""
    return list(search_calls(queryset or Call.objects.all(), query).values_list("slug", flat=True))


def call(date, text, people, language="fr"):
    return make_call(date, list(people), text=text, language=language).slug


def test_accents_case_and_apostrophes_do_not_matter(people):
    slug = call("2020-01-01", "La délimitation de la frontière et l’entretien avec l'État.", people)
    other = call("2020-01-02", "Une conversation sur l'énergie.", people)
    for query in ["delimitation", "DÉLIMITATION", "Etat", "état", "l'entretien", "l’entretien"]:
        assert found(query) == [slug], query
    assert found("energie") == [other]


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("frontiere", "Les frontières entre les deux pays.", "fr"),
        ("prisonnier", "La libération des prisonniers de guerre.", "fr"),
        ("detainee", "They discussed the release of detainees.", "en"),
        ("detainees", "He raised the case of a detainee.", "en"),
    ],
)
def test_inflected_forms_match(people, query, text, language):
    slug = call("2021-05-01", text, people, language=language)
    call("2021-05-02", "Nothing related was said about trade.", people, language="en")
    assert found(query) == [slug]


@pytest.mark.parametrize("query", ["Aliyev", "Aliev", "Əliyev", "Алиев", "aliyev"])
def test_names_match_in_every_spelling_and_script(people, query):
    slug = call("2022-01-01", "President Ilham Aliyev received a call.", people, language="en")
    russian = call("2022-02-01", "Президент Ильхам Алиев провёл разговор.", people, language="ru")
    bayramov = make_official("Jeyhun Bayramov", country="AZ")
    call("2022-03-01", "The Secretary spoke about trade.", [bayramov, people[1]], language="en")
    assert sorted(found(query)) == sorted([slug, russian])


def test_a_call_is_found_by_its_participants_whatever_its_text_calls_them(people):
    slug = call("2022-05-01", "The head of state received the Secretary.", people, language="en")
    assert found("Aliev") == [slug]
    assert found("Blinken") == [slug]


def test_azerbaijani_letters_fold_to_latin_neighbours(people):
    slug = call("2022-04-01", "Şuşa və Ağdam şəhərləri haqqında danışıq.", people, language="az")
    assert found("Susa") == [slug]
    assert found("Agdam") == [slug]


def test_all_words_must_match(people):
    both = call("2023-01-01", "Peace talks and energy security.", people, language="en")
    call("2023-01-02", "Peace talks only.", people, language="en")
    assert found("peace energy") == [both]


def test_exact_phrase_needs_the_words_together(people):
    together = call("2023-02-01", "A peace treaty was discussed.", people, language="en")
    apart = call("2023-02-02", "Treaty work continues; peace is a goal.", people, language="en")
    assert found('"peace treaty"') == [together]
    assert sorted(found("peace treaty")) == sorted([together, apart])


def test_minus_excludes_a_word_or_phrase(people):
    keep = call("2023-03-01", "Energy and transport.", people, language="en")
    drop = call("2023-03-02", "Energy and the peace treaty.", people, language="en")
    assert found("energy -treaty") == [keep]
    assert found('energy -"peace treaty"') == [keep]
    assert drop in found("energy")
    assert found("-treaty") == [keep]


def test_or_between_words(people):
    gas = call("2023-04-01", "Gas supplies to Europe.", people, language="en")
    oil = call("2023-04-02", "Oil pipelines.", people, language="en")
    call("2023-04-03", "Education exchanges.", people, language="en")
    assert sorted(found("gas OR oil")) == sorted([gas, oil])
    assert found("gas OR oil Europe") == [gas]


def test_hyphenated_word_is_kept_whole(people):
    red_cross = call("2023-05-01", "Le Comité international de la Croix-Rouge.", people)
    call("2023-05-02", "Une croix fut posée ; la porte était rouge.", people)
    assert found("Croix-Rouge") == [red_cross]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced quote',
        "AND(",
        "*",
        ":",
        "a:b OR ) NOT (",
        "peace\x00\x07\x1b treaty",
        "NEAR(peace treaty)",
        "' OR 1=1 --",
        "word " * 600,
        "x" * 3000,
        "-",
        '""',
        "OR",
    ],
)
def test_hostile_input_never_raises(people, query):
    slug = call("2023-06-01", "Peace treaty and energy.", people, language="en")
    assert found(query) in ([], [slug])  # answered, each call at most once, no error
    statements = list(search_statements(Statement.objects.all(), query))
    assert len(statements) == len(set(statements)) <= Statement.objects.count()


def test_best_match_comes_first(people):
    weak = call("2024-01-01", "Some words about trade, and energy once.", people, language="en")
    strong = call(
        "2024-01-02", "Energy, energy security and energy prices: energy first.", people, "en"
    )
    assert found("energy") == [strong, weak]


def test_statement_search(people):
    aliyev, blinken = people
    make_call(
        "2024-02-01",
        [aliyev, blinken],
        language="en",
        statements=[
            (aliyev, "The President stressed the importance of the peace agenda.", []),
            (blinken, "The Secretary welcomed progress on border delimitation.", []),
        ],
    )
    texts = list(search_statements(Statement.objects.all(), "delimitations").values_list("text"))
    assert texts == [("The Secretary welcomed progress on border delimitation.",)]


@pytest.fixture
def statements_on_topics(people):
    make_statements_on_topics(*people)
    return {slug: Topic.objects.get(slug=slug) for slug in ("border-delimitation", "trade")}


def said(query, topics):
    found = search_statements(Statement.objects.all(), query, topics=topics)
    return sorted(found.values_list("text", flat=True))


def test_statement_search_within_topics_needs_the_words_and_every_topic(statements_on_topics):
    border, trade = statements_on_topics.values()
    assert said("border", [border]) == ["Border talks and trade.", "Border talks go on."]
    assert said("border", [border, trade]) == ["Border talks and trade."]
    assert said("talks", [trade]) == ["Border talks and trade.", "The talks went well."]
    assert said("-border", [trade]) == ["The talks went well."]  # exclusions only
    assert said("border", []) == [
        "Border talks and trade.",
        "Border talks go on.",
        "Trade, not borders.",
    ]


def test_no_query_word_reaches_a_statement_through_its_topics(statements_on_topics):
    """Where the documents hold their topics ("#topic:7"), nothing a reader types matches them,
    nor a prefix term of the thesaurus (an Azerbaijani label's stem)."""
    border = statements_on_topics["border-delimitation"]
    for query in ["topic", f"topic:{border.pk}", f'"topic {border.pk}"', str(border.pk)]:
        assert said(query, []) == [], query
    for prefix in ["top", "topi", "topic"]:
        query = SearchQuery(groups=((Term((prefix,), prefix=True),),), text=prefix)
        assert said(query, []) == [], prefix


def test_a_statement_search_follows_its_topics_when_they_change(statements_on_topics):
    border, trade = statements_on_topics.values()
    statement = Statement.objects.get(text="The talks went well.")
    statement.topics.set([border])
    refresh_derived([statement.readout.call_id])  # what every writer ends with
    assert said("talks", [border]) == [
        "Border talks and trade.",
        "Border talks go on.",
        "The talks went well.",
    ]
    assert said("talks", [trade]) == ["Border talks and trade."]


def test_index_follows_edits_and_deletes(people):
    slug = call("2024-03-01", "Talks about hydrocarbons.", people, language="en")
    readout = Readout.objects.get(call__slug=slug)
    readout.text = "Talks about renewables."
    readout.save()
    refresh_derived([readout.call_id])
    assert found("hydrocarbons") == []
    assert found("renewables") == [slug]
    Call.objects.filter(slug=slug).delete()
    assert found("renewables") == []


def test_a_deleted_call_or_statement_leaves_no_search_row_behind(people):
    """The database drops them (a trigger on each table), whoever deletes: a migration that
    copies a table on SQLite loses its triggers, and this fails."""
    kept = make_call("2024-03-01", list(people), statements=[(people[0], "Kept words.")])
    gone = make_call("2024-03-02", list(people), statements=[(people[0], "Gone words.")])
    statement = Statement.objects.filter(readout__call=kept).get()
    Statement.objects.filter(pk=statement.pk).delete()
    Call.objects.filter(pk=gone.pk).delete()
    rows = search_index.stored_rows()
    assert list(rows["calls"]) == [kept.pk]
    assert list(rows["statements"]) == []


def test_a_failed_rebuild_leaves_the_index_as_it_was(people, monkeypatch):
    slug = call("2024-03-01", "Talks about hydrocarbons.", people, language="en")

    def fail_halfway(call_ids, using="default"):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(search_index, "refresh_calls", fail_halfway)
    with pytest.raises(RuntimeError):
        search_index.rebuild_search_index()
    # Not an empty index: the deletes were rolled back with the refill.
    assert found("hydrocarbons") == [slug]


def test_search_combines_with_other_filters(people):
    early = call("2010-01-01", "Energy talks.", people, language="en")
    call("2020-01-01", "Energy talks.", people, language="en")
    assert found("energy", Call.objects.filter(year=2010)) == [early]


def test_highlight_escapes_the_text_then_marks_matches(people):
    query = build_query("frontiere")
    text = 'Les <script>alert("x")</script> frontières & la paix.'
    html = highlight(text, query)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>frontières</mark>" in html
    assert "&amp; la paix" in html


def test_highlight_marks_phrases_and_name_variants(people):
    html = highlight("Ilham Aliyev and the Croix-Rouge.", build_query('Aliev "croix rouge"'))
    assert "<mark>Aliyev</mark>" in html
    assert "<mark>Croix-Rouge</mark>" in html


def test_snippet_is_cut_around_the_first_match(people):
    text = "Opening words. " * 40 + "The <b>border</b> question. " + "Closing words. " * 40
    html = snippet(text, build_query("border"))
    assert "<mark>border</mark>" in html
    assert "&lt;b&gt;" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 400


def test_template_filters_escape_readout_markup(people):
    page = Template("{% load search_tags %}{{ text|snippet:query }}|{{ text|highlight:'' }}")
    html = page.render(
        Context({"text": "<img src=x onerror=alert(1)> border talks", "query": "border"})
    )
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>border</mark> talks" in html
