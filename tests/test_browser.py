"""The archive's page in a real browser: Playwright driving Debian's Chromium (headless).

Search, filter by a facet, open a record, see the edits marked; a screenshot of each page
is kept in test-artifacts/ (or $PAKNEVIS_ARTIFACTS). A record whose text holds <script>
shows it as text and runs nothing.
"""
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")

from paknevis import parse, parse_file  # noqa: E402
from paknevis.store import SqliteStore  # noqa: E402
from paknevis.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("PAKNEVIS_ARTIFACTS", ROOT / "test-artifacts"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVIL = "نوشته‌ای بد <script>window.pwned = 1</script>\n\nمتن با <b>تگ</b> و کتابها"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    db = tmp_path_factory.mktemp("web") / "archive.db"
    store = SqliteStore(db)
    store.index([parse_file(ROOT / "examples" / "blogger-post.txt").to_dict(),
                         parse_file(ROOT / "tests" / "data" / "pages" / "wordpress.html").to_dict(),
                         parse(EVIL).to_dict()])
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        yield pg
        browser.close()


def test_search_filter_open_record(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", "بین المللی")  # typed with a space for the ZWNJ
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#count")
    assert page.locator("article.hit").count() >= 1
    assert "بین\u200cالمللی" in page.locator("mark").first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    page.locator("a.facet", has_text="ایلاف لندن").first.click()
    page.wait_for_selector("#count")
    assert "source=" in page.url and page.locator("article.hit").count() == 1
    page.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)

    page.locator("article.hit h3 a").first.click()
    page.wait_for_selector("#fixed")
    assert page.locator("#raw del").count() > 10 and page.locator("#fixed ins").count() > 10
    assert "بین\u200cالمللی" in page.locator("#fixed").inner_text()
    page.screenshot(path=str(ARTIFACTS / "record.png"), full_page=True)


def test_a_name_filters_the_hits_and_a_record_links_its_names(server, page):
    page.goto(server + "/?q=" + "رژیم")
    page.wait_for_selector("#count")
    page.locator("a.facet", has_text="بشار اسد").first.click()  # a person the post names
    page.wait_for_selector("#count")
    assert "name=" in page.url and page.locator("article.hit").count() == 1
    page.locator("article.hit h3 a").first.click()
    page.wait_for_selector("#names")
    page.locator("#names a", has_text="پاریس").click()  # a place it names: a search for it
    page.wait_for_selector("#count")
    assert page.locator("article.hit").count() == 1 and page.locator("mark").first.inner_text() == "پاریس"
    page.screenshot(path=str(ARTIFACTS / "named.png"), full_page=True)


def test_a_script_in_a_record_is_only_text(server, page):
    page.goto(server + "/?q=" + "کتابها")
    page.wait_for_selector("article.hit")
    page.locator("article.hit h3 a").first.click()
    page.wait_for_selector("#raw")
    assert page.evaluate("window.pwned") is None
    assert "<script>" in page.locator("#raw").inner_text()
    page.screenshot(path=str(ARTIFACTS / "escaped.png"), full_page=True)
