"""The links a list page draws from its query: each changes one filter and keeps the others."""

from django.http import QueryDict

from readouts.browse.querylinks import QueryLinks


def test_a_value_is_added_to_a_filter_that_takes_several_and_the_other_filters_stay_in_order():
    links = QueryLinks(QueryDict("q=gas&topic=energy&year=2021"))
    assert (
        links.toggled("topic", "border", multiple=True)
        == "?q=gas&topic=energy&topic=border&year=2021"
    )


def test_a_value_already_chosen_is_removed_and_the_filter_goes_when_it_was_the_last():
    links = QueryLinks(QueryDict("topic=energy&topic=border&year=2021"))
    assert links.toggled("topic", "energy", multiple=True) == "?topic=border&year=2021"
    assert QueryLinks(QueryDict("year=2021")).toggled("year", "2021", multiple=False) == ""


def test_a_filter_that_takes_one_value_is_replaced_and_a_new_filter_comes_last():
    links = QueryLinks(QueryDict("year=2021&q=gas"))
    assert links.toggled("year", "2020", multiple=False) == "?year=2020&q=gas"
    assert links.toggled("official", "ilham-aliyev", multiple=True) == (
        "?year=2021&q=gas&official=ilham-aliyev"
    )


def test_a_link_starts_again_at_page_one_as_html():
    links = QueryLinks(QueryDict("page=4&format=json&q=gas"))
    assert links.toggled("year", "2021", multiple=False) == "?q=gas&year=2021"
    assert links.replaced() == "?q=gas"


def test_replacing_sets_removes_and_adds_several_filters_at_once():
    links = QueryLinks(QueryDict("year=2021&date_after=2021-01-01&q=gas"))
    assert links.replaced(year=None, date_after="2021-05-01", date_before="2021-05-31") == (
        "?date_after=2021-05-01&q=gas&date_before=2021-05-31"
    )


def test_words_and_values_are_encoded_as_django_encodes_a_query():
    query = QueryDict(mutable=True)
    query.setlist("q", ["médiation & paix"])
    query.setlist("official", ["gül/ə"])
    expected = query.copy()
    expected.setlist("year", ["2021"])
    assert QueryLinks(query).replaced(year="2021") == "?" + expected.urlencode()


def test_without_a_query_a_link_holds_only_what_it_sets():
    assert QueryLinks(None).replaced(year="2020") == "?year=2020"
    assert QueryLinks(None).replaced(year=None) == ""
