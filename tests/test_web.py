"""The archive over HTTP: the JSON API, the page, and values from the open web escaped."""
import pytest
from fastapi.testclient import TestClient

from paknevis import parse
from paknevis.store import SqliteStore
from paknevis.web import create_app

Z = "\u200c"
POST = """۱۴۰۳ بهمن ۱۳, شنبه

ایلاف لندن - موسی افشار: تظاهرات در پاریس

شکستهای اخیر با استقبال بینالمللی روبهرو شده است. #ایران
"""
EVIL = "عنوان <script>alert('x')</script>\n\nمتن <img src=x onerror=alert(1)> بینالمللی و کتابها"


@pytest.fixture()
def client(tmp_path):
    db = tmp_path / "archive.db"
    store = SqliteStore(db)
    a = parse(POST).to_dict()
    b = parse(POST.replace("ی", "ي") + "\nانتهای پیام").to_dict()  # a near copy
    b["dup_cluster"] = a["dup_cluster"] = a["id"]
    store.index([a, b, parse(EVIL).to_dict()])
    store.close()
    return TestClient(create_app(db)), a, b


def test_api_search_finds_every_typing(client):
    c, a, _ = client
    ids = {q: [h["id"] for h in c.get("/api/search", params={"q": q}).json()["hits"]]
           for q in ["بین‌المللی", "بینالمللی", "بین المللی", "بين‌المللي"]}
    assert len({tuple(sorted(v)) for v in ids.values()}) == 1 and a["id"] in ids["بینالمللی"]


def test_api_filters_facets_record_cluster(client):
    c, a, b = client
    r = c.get("/api/search", params={"q": "استقبال", "since": "1403-11-13", "until": "2025-02-01"})
    assert len(r.json()["hits"]) == 2
    f = c.get("/api/facets", params={"q": "استقبال"}).json()
    assert f["jalali_month"] == [{"value": "1403-11", "count": 2}]
    assert {"value": "ایران", "count": 2} in f["hashtag"] and f["total"] == 2
    assert c.get(f"/api/records/{a['id']}").json()["title"] == "تظاهرات در پاریس"
    assert {x["id"] for x in c.get(f"/api/clusters/{a['id']}").json()["records"]} == {a["id"], b["id"]}


def test_names_filter_the_hits_and_head_the_record(tmp_path):
    db = tmp_path / "archive.db"
    store = SqliteStore(db)
    a = parse("تظاهرات\n\nتظاهرات ایرانیان در پاریس با استقبال روبهرو شد. #ایران").to_dict()
    b = parse("نشست\n\nنشست سازمان ملل در ژنو با استقبال روبهرو شد").to_dict()
    store.index([a, b])
    store.close()
    c = TestClient(create_app(db))
    f = c.get("/api/facets", params={"q": "استقبال"}).json()
    assert f["place"] == [{"value": "پاریس", "count": 1}, {"value": "ژنو", "count": 1}]  # (#ایران: a tag)
    assert f["organization"] == [{"value": "سازمان ملل متحد", "count": 1}]
    hits = c.get("/api/search", params={"q": "استقبال", "name": "سازمان ملل"}).json()["hits"]
    assert [h["id"] for h in hits] == [b["id"]]
    html = c.get("/", params={"q": "استقبال"}).text
    assert "<h4>مکان‌ها</h4>" in html and "<h4>سازمان‌ها</h4>" in html
    assert ">پاریس</a> (1)" in html and "&name=%D9%BE%D8%A7%D8%B1%DB%8C%D8%B3" in html
    html = c.get("/", params={"q": "استقبال", "name": "پاریس"}).text
    assert '<input type="hidden" name="name" value="پاریس">' in html and html.count('class="hit"') == 1
    page = c.get(f"/record/{b['id']}").text  # its names, each a search for the words it was in
    assert '<p class="meta" id="names">نام‌ها: <a href="/?q=%D8%B3%D8%A7%D8%B2' in page
    assert ">سازمان ملل متحد</a>، <a" in page and ">ژنو</a></p>" in page


def test_a_name_from_the_web_is_escaped(tmp_path):
    db = tmp_path / "archive.db"
    store = SqliteStore(db)
    store.index([{"id": "x", "text": "متن", "entities": [
        {"start": 0, "end": 3, "text": "<b>متن</b>", "kind": "place", "value": "<script>x</script>"}]}])
    store.close()
    c = TestClient(create_app(db))
    page = c.get("/record/x").text
    assert "<script>x" not in page and "&lt;script&gt;x" in page
    assert "<script>x" not in c.get("/", params={"q": "متن"}).text


def test_api_errors_are_clear(client):
    c, _, _ = client
    r = c.get("/api/search", params={"q": '"بین'})
    assert r.status_code == 400 and "not closed" in r.json()["detail"]
    assert c.get("/api/search", params={"q": "x", "since": "1403-13-40"}).status_code == 400
    r = c.get("/api/search", params={"q": "x", "since": "1404-01-01", "until": "1403-01-01"})
    assert r.status_code == 400 and "is after the last" in r.json()["detail"]
    assert c.get("/api/records/nope").status_code == 404
    assert "/api/search" in c.get("/openapi.json").json()["paths"]


def test_page_in_persian_with_marks_and_facets(client):
    c, a, _ = client
    html = c.get("/", params={"q": "بین المللی"}).text
    assert '<html lang="fa" dir="rtl">' in html
    assert f"<mark>بین{Z}المللی</mark>" in html
    assert 'class="timeline"' in html and "class=\"facet\"" in html
    assert "since=2024-03-20&until=2025-03-20" in html  # the Solar Hijri year 1403, exactly
    page = c.get(f"/record/{a['id']}").text
    assert "<del" in page and f"<ins title=\"zwnj.word\">بین{Z}المللی</ins>" in page
    assert "نسخه‌های دیگر" in page  # the other copy in its cluster


def test_values_from_the_web_are_escaped(client):
    c, _, _ = client
    html = c.get("/", params={"q": "کتابها"}).text
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html
    (hit,) = c.get("/api/search", params={"q": "کتابها"}).json()["hits"]
    page = c.get(f"/record/{hit['id']}").text
    assert "<script>alert" not in page and "<img src=x" not in page


def test_a_record_with_no_title_is_headed_by_its_opening_words(tmp_path):
    """A Telegram message has no title: a hit, its page and its copies are headed by its
    text's opening words, not by its id."""
    from paknevis.documents import assemble, post_of

    db = tmp_path / "archive.db"
    store = SqliteStore(db)
    words = "شکستهای اخیر رژیم در منطقه با استقبال بینالمللی روبهرو شده و این شکستها ادامه دارد"
    message = assemble(post_of({"source": "کانال خبری"}, [words])).to_dict()
    copy = assemble(post_of({"source": "کانال دیگر"}, [words + " و باز"])).to_dict()
    message["dup_cluster"] = copy["dup_cluster"] = message["id"]
    store.index([message, copy])
    store.close()
    c = TestClient(create_app(db))
    heading = f"شکست{Z}های اخیر رژیم در منطقه با استقبال بین{Z}المللی روبه{Z}رو شده و این…"
    hits = c.get("/api/search", params={"q": "استقبال"}).json()["hits"]
    assert [(h["title"], h["heading"]) for h in hits] == [(None, heading)] * 2
    found = c.get("/", params={"q": "منطقه"}).text
    assert f"<h3><a href=\"/record/{message['id']}\">{heading}</a></h3>" in found
    page = c.get(f"/record/{message['id']}").text
    assert f"<h2>{heading}</h2>" in page and f">{heading}</a>" in page  # (and its copy's)
