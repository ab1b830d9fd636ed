"""Injection: markup and spreadsheet formulas inside a readout are shown as text everywhere.

The archive stores readouts verbatim, so a hostile or merely odd text must be escaped on every
HTML page (public and admin), come out intact but inert in JSON and citations, and be
neutralised in CSV so a spreadsheet does not run it as a formula.
"""

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from .factories import make_call, make_office, make_official, make_topic
from .test_production import public_pages

SCRIPT = "<script>alert('xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example/","click")'
PAYLOADS = [SCRIPT, IMG, FORMULA]


@pytest.fixture
def hostile_call(db):
    office = make_office("az-president", "AZ", "President")
    aliyev = make_official("Ilham Aliyev", "AZ", office=office)
    intruder = make_official(f"@SUM(A1) {IMG}", "US", slug="intruder")
    topic = make_topic("hostile", name_en=f"Topic {SCRIPT}")
    call = make_call(
        "2022-10-10",
        [aliyev, intruder],
        initiator=intruder,
        statements=[
            (aliyev, f"{FORMULA} was said by the president {SCRIPT}.", ["hostile"], "emphasis"),
            (intruder, f"The guest replied {IMG} and left.", [], "information"),
            (None, f"+cmd|' /C calc'!A0 {SCRIPT}", [], ""),
        ],
        text=f"{FORMULA}\n\nLe président {SCRIPT} a dit {IMG}.",
        mentions=[("person", IMG), ("document", SCRIPT)],
    )
    return {"call": call, "objects": [call, aliyev, intruder, topic]}


class ActiveMarkupFinder(HTMLParser):
    """Collects what a payload would have to become to run: scripts and event handlers."""

    def __init__(self):
        super().__init__()
        self.active = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.in_script = True
        for name, _ in attrs:
            if name.startswith("on"):
                self.active.append(f"{name}= on <{tag}>")
        if tag == "img" and ("src", "x") in attrs:
            self.active.append("<img src=x>")

    def handle_endtag(self, tag):
        self.in_script = tag != "script" and self.in_script

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.active.append(f"script running {data!r}")


def assert_inert_html(response, url):
    body = response.content.decode()
    finder = ActiveMarkupFinder()
    finder.feed(body)
    assert finder.active == [], url
    assert SCRIPT not in body and "<img src=x" not in body, url


def test_public_pages_show_hostile_text_escaped(client, hostile_call):
    shown = set()
    for url in public_pages(hostile_call["objects"]):
        response = client.get(url, secure=True)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        assert_inert_html(response, url)
        body = response.content.decode()
        shown |= {url for escaped in ("&lt;script&gt;", "&lt;img") if escaped in body}
    # The payloads were really on the pages that show them, escaped, not dropped.
    call_url = hostile_call["call"].get_absolute_url()
    assert {call_url, "/officials/", "/topics/"} <= shown


def test_export_json_keeps_hostile_text_intact_and_inert(hostile_call):
    out = io.StringIO()
    call_command("export_calls", stdout=out)
    (call,) = json.loads(out.getvalue())["calls"]
    texts = [s["text"] for r in call["readouts"] for s in r["statements"]]
    assert texts[0].startswith(FORMULA) and SCRIPT in texts[0]
    assert IMG in texts[1]
    assert {m["name"] for m in call["readouts"][0]["mentions"]} == {IMG, SCRIPT}


def test_citations_are_not_served_as_html(client, hostile_call):
    slug = hostile_call["call"].slug
    for name in ("call-cite-bibtex", "call-cite-ris"):
        response = client.get(reverse(name, args=[slug]), secure=True)
        assert response.status_code == 200
        assert "text/html" not in response["Content-Type"]
        assert response["X-Content-Type-Options"] == "nosniff"


def readouts_admin_urls(objects):
    for obj in objects:
        model_admin = admin.site._registry.get(type(obj))
        if model_admin:
            meta = obj._meta
            yield reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
            yield reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_admin_pages_show_hostile_text_escaped(admin_client, hostile_call):
    call = hostile_call["call"]
    readout = call.readouts.get()
    objects = [*hostile_call["objects"], readout, *readout.statements.all()]
    urls = list(dict.fromkeys(readouts_admin_urls(objects)))
    assert len(urls) >= 4  # call, official, readout and statement change pages at least
    for url in urls:
        response = admin_client.get(url, secure=True)
        assert response.status_code == 200, url
        assert_inert_html(response, url)


def test_json_pages_keep_hostile_text_intact_and_are_not_html(client, hostile_call):
    calls = client.get("/?format=json", secure=True)
    statements = client.get(reverse("statement-list") + "?format=json", secure=True)
    for response in (calls, statements):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
    (call,) = calls.json()["calls"]
    assert call["initiator"] == f"@SUM(A1) {IMG}"
    texts = {row["text"] for row in statements.json()["statements"]}
    assert f"{FORMULA} was said by the president {SCRIPT}." in texts


def read_csv(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_neutralises_formulas_and_keeps_the_text(client, hostile_call):
    (call,) = read_csv(client.get("/?format=csv", secure=True))
    assert call["initiator"] == f"'@SUM(A1) {IMG}"
    rows = read_csv(client.get(reverse("statement-list") + "?format=csv", secure=True))
    texts = sorted(row["text"] for row in rows)
    assert texts == sorted(
        [
            f"'{FORMULA} was said by the president {SCRIPT}.",
            f"The guest replied {IMG} and left.",
            f"'+cmd|' /C calc'!A0 {SCRIPT}",
        ]
    )
    assert [row["speaker"] for row in rows if row["text"].startswith("The guest")] == [
        f"'@SUM(A1) {IMG}"
    ]


ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_escapes_hostile_text_for_feed_readers(client, hostile_call):
    response = client.get(reverse("call-feed"), secure=True)
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # well-formed XML: nothing broke out of its element
    (entry,) = feed.iter(f"{ATOM}entry")
    assert IMG in entry.find(f"{ATOM}title").text  # plain text, as Atom titles are
    for element in entry:
        if element.get("type") == "html":
            # Readers render type="html" content as HTML: it must hold the payload as text.
            finder = ActiveMarkupFinder()
            finder.feed(element.text or "")
            assert finder.active == [] and "<script" not in (element.text or ""), element.tag
    summary = entry.find(f"{ATOM}summary")
    assert "&lt;script&gt;" in summary.text
