"""The web UI in headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium): paste the sample, see the highlights, open a span's explanation, switch a
kind of finding off, and read the API docs, with no Content-Security-Policy violation.
Screenshots go to build/web/ (artifacts). Skipped when Chromium is absent."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spinscope.web import WebSettings, create_app
from spinscope.web.documents import MemoryDocuments

from .conftest import live_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
SHOTS = Path(__file__).resolve().parents[2] / "build" / "web"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
        reason="needs Debian's chromium and chromium-driver (apt-get install chromium "
        "chromium-driver)",
    ),
]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with (
        pytest.MonkeyPatch.context() as mp,
    ):
        mp.delenv("SPINSCOPE_CONFIG", raising=False)
        app = create_app(WebSettings(), documents=MemoryDocuments())
        with live_server(app) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def _violations(driver: Any) -> list[str]:
    """Console errors of the page: a CSP violation or a failed load would show here."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_paste_see_highlights_and_open_an_explanation(
    server: str, browser: Any, shipped_sample: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/")
    browser.find_element(By.ID, "article").send_keys(shipped_sample[:400])
    # The rest at once (typing it key by key is slow): the user pastes it.
    browser.execute_script(
        "document.getElementById('article').value = arguments[0]", shipped_sample
    )
    browser.find_element(By.ID, "title").send_keys("Harbour <b>plan</b>")
    browser.save_screenshot(str(SHOTS / "form.png"))
    browser.find_element(By.ID, "analyze").click()
    WebDriverWait(browser, 120).until(ec.presence_of_element_located((By.ID, "text")))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Harbour <b>plan</b>"

    marks = browser.find_elements(By.CSS_SELECTOR, "#text mark[data-f]")
    assert len(marks) > 10
    colours = {m.value_of_css_property("background-color") for m in marks}
    assert len(colours) >= 2  # a colour per kind of finding

    mark = next(m for m in marks if m.text.strip().lower() == "so-called reformers")
    mark.click()
    panel = browser.find_element(By.ID, "explain")
    assert "so-called reformers" in panel.text
    assert "probability" in panel.text and "definition" in panel.text
    browser.save_screenshot(str(SHOTS / "document.png"))

    # Keyboard: Tab reaches a highlight, Enter explains it.
    first = marks[0]
    first.send_keys(Keys.ENTER)
    assert first.text in browser.find_element(By.ID, "explain").text

    # Switching attributions off leaves their passages unmarked and out of the Tab order.
    toggle = browser.find_element(By.CSS_SELECTOR, "#toggles input[data-group='attributions']")
    toggle.click()
    off = browser.find_elements(By.CSS_SELECTOR, "#text mark.off")
    assert off and all(m.get_attribute("tabindex") == "-1" for m in off)
    toggle.click()
    assert not browser.find_elements(By.CSS_SELECTOR, "#text mark.off")
    assert _violations(browser) == []


def test_readable_at_400_percent_zoom(server: str, browser: Any, shipped_sample: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/")
    browser.execute_script(
        "document.getElementById('article').value = arguments[0]", shipped_sample
    )
    browser.find_element(By.ID, "analyze").click()
    WebDriverWait(browser, 120).until(ec.presence_of_element_located((By.ID, "text")))
    # 400 % zoom of a 1280 px window is a 320 px wide viewport.
    browser.set_window_size(320 + 16, 900)
    try:
        width = browser.execute_script("return document.documentElement.scrollWidth")
        viewport = browser.execute_script("return document.documentElement.clientWidth")
        browser.save_screenshot(str(SHOTS / "document-narrow.png"))
        assert viewport <= 340
        assert width <= viewport + 1  # no sideways scrolling
    finally:
        browser.set_window_size(1400, 1000)


def test_api_docs_render_offline(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/docs")
    WebDriverWait(browser, 60).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".swagger-ui .opblock"))
    )
    assert "/v1/analyze" in browser.page_source
    browser.save_screenshot(str(SHOTS / "docs.png"))
    assert _violations(browser) == []
