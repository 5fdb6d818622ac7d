"""The archive, on SQLite and on PostgreSQL: a word is found however it was typed; filters;
re-indexing; a killed indexer."""
import json
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paknevis import parse_file
from paknevis.corpus import iter_items, process_items
from paknevis.corpus.run import DumpFields
from paknevis.store import Filters, QueryError, SqliteStore, open_store, parse_query

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT.parent / "shared" / "data" / "web"
Z = "\u200c"


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """200 Fars News articles as records (needs ../shared/data), plus the specimen post."""
    out = []
    items = list(iter_items([WEB / "farsnews-1-4.jsonl"]))[:200]
    process_items(items, lambda line: out.append(json.loads(line)), lambda line: None,
                  fields=DumpFields(text="paragraphs", url="link"))
    out.append(parse_file(ROOT / "examples" / "blogger-post.txt").to_dict())
    return out


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, records, tmp_path):
    if request.param == "sqlite":
        s = SqliteStore(tmp_path / "archive.db")
    else:
        s = open_store(request.getfixturevalue("postgres_url"))
    s.index(records)
    yield s
    s.close()


def search(store, query, limit=20, **filters):
    return store.search(query, Filters(**filters), limit=limit)


def variants(word: str) -> list[str]:
    """The ways the web types a word: with ZWNJ, glued, spaced, Arabic letters, other digits."""
    return [word, word.replace(Z, ""), word.replace(Z, " "),
            word.replace("ی", "ي").replace("ک", "ك"),
            word.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))]


def test_fifty_words_typed_five_ways_give_the_same_hits(records, store):
    words = sorted({w for r in records for w in re.findall(r"[\u0600-\u06ff\u200c]{4,}", r["text"])
                    if Z in w or "ی" in w or "ک" in w})
    random.Random(1).shuffle(words)
    words = words[:50]
    assert len(words) == 50
    for word in words:
        # the same records; their order may differ, since a word typed apart is ranked as
        # "the phrase or the glued word" (به موقع OR بهموقع), not as one term
        results = [sorted(h.id for h in search(store, v, limit=50)) for v in variants(word)]
        assert results[0], word  # the word is in the records, so it is found
        assert all(r == results[0] for r in results), word


def test_digits_typed_either_way(store):
    assert [h.id for h in search(store, "۲۰۲۵")] == [h.id for h in search(store, "2025")] != []


def test_phrase_prefix_and_snippet_from_the_original(store):
    (hit,) = search(store, '"به رسمیت شناختن مقاومت"')
    assert hit.title.startswith("تظاهرات ۸ فوریه")
    assert "[[به رسمیت شناختن مقاومت]]" in hit.snippet
    assert search(store, "سرنگو*") and not search(store, "سرنگو")  # a prefix, not a word
    hits = search(store, "بینالمللی")
    assert all(f"[[بین{Z}المللی]]" in h.snippet or "[[بین" in h.snippet for h in hits)


def test_filters_facets_record_cluster(store, records):
    assert [h.id for h in search(store, "مقاومت", since="2025-02-01", until="2025-02-01")] != []
    assert search(store, "مقاومت", since="2025-02-02") == []
    assert search(store, "مقاومت", source="ایلاف لندن")[0].source == "ایلاف لندن"
    assert search(store, "مقاومت", hashtag="#تيك_تاك_سرنگوني")  # Arabic letters in the tag: folded
    f = store.facets("مقاومت", Filters(source="ایلاف لندن"))
    assert f["total"] == 1 and f["jalali_month"] == [{"value": "1403-11", "count": 1}]
    assert f["year"] == [{"value": "2025", "count": 1}]
    assert f["jalali_year"] == [{"value": "1403", "count": 1}]
    assert f["author"] == [{"value": "موسی افشار", "count": 1}]
    assert f["mention"] == [{"value": "@BaharIran7", "count": 1}]
    assert {"value": "کانون\u200cهای", "count": 1} in f["hashtag"]
    post = records[-1]
    assert store.record(post["id"])["title"] == post["title"]
    assert [r["id"] for r in store.cluster(post["dup_cluster"] or post["id"])] in ([], [post["id"]])


def test_names_are_facets_and_filters(store):
    f = store.facets("مقاومت", Filters(source="ایلاف لندن"))
    assert {"value": "ایران", "count": 1} in f["place"] and {"value": "پاریس", "count": 1} in f["place"]
    assert f["organization"] == [{"value": "شورای ملی مقاومت ایران", "count": 1}]
    assert f["person"] == [{"value": "بشار اسد", "count": 1}]
    (hit,) = search(store, "مقاومت", name="پاریس")
    assert hit.source == "ایلاف لندن"
    # a name however it is written: the filter reads its usual form, as the records hold it
    for typed in ("شورای ملی مقاومت ایران", "شوراي ملي مقاومت", "شورای ملی مقاومت"):
        assert [h.id for h in search(store, "مقاومت", name=typed)] == [hit.id], typed
    assert search(store, "مقاومت", name="نیویورک") == []


def test_a_name_in_a_title_alone_is_a_tag(store, records):
    """A short item may name its subject in its title alone: the record's entities are its
    text's, and the store finds the title's names too."""
    titled = dict(records[0], id="title-only", title="پس از انصراف خاتمی حامیان وی باید مختار باشند",
                  text="متن تازه درباره واژه‌ای یگانه: پاک‌نویس‌آزمای‌نام", entities=[], hashtags=[],
                  mentions=[])
    store.index([titled])
    assert [h.id for h in search(store, "پاکنویسآزماینام", name="خاتمی")] == ["title-only"]
    assert store.facets("پاک‌نویس‌آزمای‌نام")["person"] == [{"value": "محمد خاتمی", "count": 1}]


@pytest.mark.skipif(not WEB.exists(), reason="needs ../shared/data/web")
def test_names_however_written_over_the_news(store, records):
    named = {r["id"] for r in records if any(e["value"] == "آمریکا" for e in r["entities"])}
    assert len(named) > 5
    for typed in ("آمریکا", "امريكا", "ایالات متحده"):
        hits = search(store, "گفت", limit=500, name=typed)
        assert hits and {h.id for h in hits} <= named, typed
    f = store.facets("گفت", Filters())
    assert f["place"][0] == {"value": "ایران", "count": f["place"][0]["count"]}  # the most named


def test_bad_queries_are_clear_errors(store):
    with pytest.raises(QueryError, match="not closed"):
        search(store, '"بین المللی')
    with pytest.raises(QueryError, match="no words"):
        search(store, "*** !!!")
    with pytest.raises(QueryError, match=r"first day \(2025-02-01\) is after the last"):
        Filters(since="2025-02-01", until="2025-01-31")
    # operators typed by a user are only words here
    assert parse_query("ایران OR NEAR( & !")[0] == [("word", "ایران", False), ("word", "or", False),
                                                    ("word", "near", False)]
    # and the store treats them so: the same hits as the plain words, no error
    plain = [h.id for h in search(store, "ایران or near")]
    assert [h.id for h in search(store, "ایران OR NEAR( & !")] == plain


def test_reindexing_replaces(store, records):
    changed = dict(records[0], text="متن تازه درباره واژه‌ای یگانه: پاک‌نویس‌آزما")
    store.index([changed])  # the same id again: replaces, does not add
    assert [h.id for h in search(store, "پاکنویسآزما")] == [changed["id"]]
    assert store.facets("پاک‌نویس‌آزما")["total"] == 1
    assert store.record(changed["id"])["text"] == changed["text"]


def test_killed_indexer_leaves_a_usable_database(tmp_path, records):
    src = tmp_path / "records.jsonl"
    # about 8,000 records, so that the indexer is killed midway, also where ../shared/data
    # is not beside the checkout and ``records`` is the specimen post alone
    copies = -(-8000 // len(records))
    with open(src, "w", encoding="utf-8") as f:
        for i in range(copies):
            for r in records:
                f.write(json.dumps(dict(r, id=f"{r['id']}-{i}"), ensure_ascii=False) + "\n")
    db = tmp_path / "archive.db"
    proc = subprocess.Popen([sys.executable, "-m", "paknevis", "index", str(src), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and (not db.exists() or db.stat().st_size < 2_000_000):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    assert 0 < n < copies * len(records) and n % 500 == 0  # whole batches only
    assert search(SqliteStore(db), "مقاومت")
