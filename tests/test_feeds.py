"""The Atom feed follows the list's filters; the sitemap and robots.txt serve crawlers."""

from readouts.models import Call

from .factories import make_call
from .list_world import plain_http_fixture, world_fixture  # noqa: F401


def test_the_feed_lists_the_newest_real_calls(client, world):
    demo = make_call("2024-06-01", [world.aliyev, world.blinken])
    Call.objects.filter(pk=demo.pk).update(is_demo=True)
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.index(world.joint.slug) < body.index(world.peace.slug)
    assert demo.slug not in body
    assert "<title>1 February 2023: Ilham Aliyev and Antony Blinken</title>" in body


def test_the_feed_takes_the_list_filters(client, world):
    body = client.get("/feed/?official=jeyhun-bayramov").content.decode()
    assert "<title>Calls with Jeyhun Bayramov — Readout Archive</title>" in body
    assert world.energy.slug in body
    assert world.border.slug not in body
    assert 'href="http://testserver/?official=jeyhun-bayramov"' in body


def test_a_feed_with_bad_filters_is_a_400(client, world):
    response = client.get("/feed/?topic=nothing")
    assert response.status_code == 400
    assert "There is no topic “nothing”" in response.content.decode()


def test_the_sitemap_lists_real_calls_officials_and_topics(client, world):
    demo = make_call("2024-06-01", [world.aliyev, world.blinken])
    Call.objects.filter(pk=demo.pk).update(is_demo=True)
    body = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver/calls/{world.border.slug}/" in body
    assert demo.slug not in body
    assert "http://testserver/officials/jeyhun-bayramov/" in body
    assert "http://testserver/topics/border-delimitation/" in body


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_off_exports(client, world):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /*format=" in body


def test_a_filtered_feed_names_itself_so_readers_subscribe_to_the_filter(client, world):
    body = client.get("/feed/?topic=energy").content.decode()
    assert '<link href="http://testserver/feed/?topic=energy" rel="self"' in body
    assert "<author><name>Readout Archive</name></author>" in body
