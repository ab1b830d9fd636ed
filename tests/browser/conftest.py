"""Shared browser fixtures: Debian's chromium driven by Playwright, and a screenshot helper.

Playwright's sync API runs an event loop in the test thread, which makes Django refuse
synchronous database calls unless told the caller knows what it is doing.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.test import override_settings

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session", autouse=True)
def plain_http_site():
    """The live server speaks plain HTTP and serves static files without collectstatic.

    Session-wide, because the live server builds its middleware once, when it starts.
    """
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0, STORAGES=storages):
        yield


@pytest.fixture(scope="session")
def browser():
    """One chromium for the session; skipped (or failed on CI) when chromium is missing."""
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests, but no `chromium` is on PATH")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page that accepts downloads; resize it for phone screenshots."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name, viewport=None):
    """Save a full-page screenshot to tests/screenshots/<name>.png (optionally resizing first)."""
    if viewport:
        page.set_viewport_size(viewport)
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
