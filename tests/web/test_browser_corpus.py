"""The corpus browser and the dashboard in headless Chromium (as test_browser.py):
filter the corpus and open a document's permanent page; the dashboard's plots drawn
with no console error or Content-Security-Policy violation; script payloads in stored
titles, addresses and speaker names shown as text. Screenshots go to build/web/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spinscope.document import Document, Meta, Span
from spinscope.store import Store
from spinscope.web import WebSettings, create_app
from spinscope.web.corpus import StoreDocuments
from spinscope.web.sample_corpus import fill

from .conftest import live_server
from .test_browser import CHROMEDRIVER, CHROMIUM, SHOTS, _violations

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver",
)

PAYLOAD = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


def _payload_doc() -> Document:
    text = "The minister said the plan was a disaster for everyone. " * 4
    speaker = {"name": PAYLOAD, "role": "minister"}
    return Document(
        text,
        id="payload",
        meta=Meta(title=PAYLOAD, url=f"https://evil.example/{PAYLOAD}", outlet="evil.example"),
        spans={
            "techniques": [Span(34, 42, "Loaded_Language", 0.8)],
            "attributions": [Span(0, 33, "attribution", 0.9, {"speaker": speaker})],
        },
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("corpus") / "store.db"
    with Store.open(f"sqlite:///{path}") as store:
        fill(store, 300, version="browser", documents=[_payload_doc()])
        app = create_app(
            WebSettings(components=("sentences.v1",)),
            documents=StoreDocuments(store, "browser"),
        )
        with live_server(app) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    from .test_browser import FLAGS

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


def test_filter_the_corpus_and_open_a_document(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(f"{server}/documents")
    # Waited for, not read at once: the page's script may replace the counter while it
    # loads, and an element read mid-swap no longer belongs to the document.
    WebDriverWait(browser, 20).until(
        ec.text_to_be_present_in_element((By.ID, "count"), "301 documents")
    )
    Select(browser.find_element(By.ID, "outlet")).select_by_value("rt.com")
    Select(browser.find_element(By.ID, "technique")).select_by_value("Loaded_Language")
    browser.execute_script("document.getElementById('since').value = '2024-03-01'")
    before = browser.find_element(By.ID, "documents")
    browser.find_element(By.ID, "apply").click()
    # The form loads a new page: read its rows, not the old page's.
    WebDriverWait(browser, 30).until(ec.staleness_of(before))
    rows = browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
    assert rows
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        assert cells[1].text == "rt.com" and cells[2].text >= "2024-03-01"
        assert int(cells[4].text) > 0
    count = browser.find_element(By.ID, "count").text
    assert count.split()[0] == str(len(rows)) or "next" in browser.page_source
    browser.save_screenshot(str(SHOTS / "corpus.png"))
    title = rows[0].find_element(By.CSS_SELECTOR, "a").text
    link = rows[0].find_element(By.CSS_SELECTOR, "a")
    link.click()
    WebDriverWait(browser, 30).until(ec.staleness_of(link))
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert _violations(browser) == []


def test_the_dashboard_draws_its_plots(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/dashboard")
    WebDriverWait(browser, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".plot .main-svg")) >= 4
    )
    bars = browser.find_elements(By.CSS_SELECTOR, "#plot-rates .bars path")
    assert len(bars) >= 8  # one bar per outlet
    assert browser.find_elements(By.CSS_SELECTOR, "#plot-time .scatterlayer .trace")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#plot-mix .trace.bars")) >= 5
    browser.save_screenshot(str(SHOTS / "dashboard.png"))
    assert _violations(browser) == []


@pytest.mark.parametrize(
    "path", ["/documents?outlet=evil.example", "/documents/payload", "/dashboard"]
)
def test_stored_payloads_render_as_text(server: str, browser: Any, path: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}{path}")
    assert browser.title != "pwned"
    assert not browser.find_elements(By.CSS_SELECTOR, "img[src='x']")
    body = browser.find_element(By.TAG_NAME, "body").text
    if path != "/dashboard":
        assert PAYLOAD in body
    else:
        assert "evil.example" in body
    if path == "/documents/payload":
        browser.find_element(By.CSS_SELECTOR, "#text mark[data-f]").click()
        marks = browser.find_elements(By.CSS_SELECTOR, "#text mark[data-f]")
        for mark in marks:
            mark.click()
            if PAYLOAD in browser.find_element(By.ID, "explain").text:
                break
        else:
            pytest.fail("the speaker's name is not in any explanation")
        browser.save_screenshot(str(SHOTS / "payload.png"))
    assert browser.title != "pwned"
    assert _violations(browser) == []
