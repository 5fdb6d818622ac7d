"""Near copies are found however the copy was typed; unrelated texts stay apart."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import fix
from paknevis.corpus.dedup import cluster, cluster_ids, minhash, shingle_hashes
from paknevis.repair import fold as fold_module
from paknevis.repair.fold import fold

ARTICLE = ("شکست‌های اخیر رژیم ایران در منطقه، با استقبال بین‌المللی و داخلی روبه‌رو شده است. "
           "این شکست‌ها نتیجه بیش از سه دهه اعتراض و افشاگری درباره سیاست‌های مخرب رژیم است. "
           "این رژیم در طول ۴۵ سال گذشته، عامل اصلی بی‌ثباتی در منطقه بوده و تمام تلاش‌های "
           "بین‌المللی برای تعامل با آن شکست خورده است.")
OTHER = ("تیم ملی فوتبال ایران فردا در ورزشگاه آزادی با تیم ملی ژاپن دیدار می‌کند و سرمربی "
         "تیم گفت بازیکنان برای این بازی حساس آماده هستند و هواداران را ناامید نمی‌کنند.")


def test_fold_meets_every_typing():
    variants = ["می‌شود", "میشود", "ميشود", "مـــی‌شود", "می\u200c\u200cشود"]
    assert len({fold(v) for v in variants}) == 1


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=[*map(chr, fold_module._TABLE), *"یکها 1aA.,% \n", "\u0130", "😀"], max_size=40)
       | st.text(max_size=40))
def test_fold_is_the_table_applied_once(text):
    # fold replaces one character at a time: the same as translating each once, as the
    # table writes no character it changes
    assert fold(text) == text.translate(fold_module._TABLE).lower()


def test_copies_typed_differently_are_one_cluster():
    stripped = ARTICLE.replace("\u200c", "")
    spaced = ARTICLE.replace("\u200c", " ")
    arabic = ARTICLE.replace("ی", "ي").replace("ک", "ك").replace("۴۵", "45")
    texts = [fix(t) for t in [ARTICLE, OTHER, stripped, spaced, arabic]]
    roots = cluster(texts)
    assert roots[0] == roots[2] == roots[3] == roots[4] == 0
    assert roots[1] == 1


def test_unfolded_copies_share_few_shingles():
    # why folding matters: raw words of a ZWNJ-stripped copy differ from the original's
    a, b = shingle_hashes(ARTICLE), shingle_hashes(ARTICLE.replace("\u200c", ""))
    assert np.array_equal(a, b)  # shingles are taken from folded text
    raw_a = {w for w in ARTICLE.split()}
    raw_b = {w for w in ARTICLE.replace("\u200c", "").split()}
    assert len(raw_a & raw_b) < len(raw_a)


def test_cluster_id_is_the_earliest_copy():
    records = [{"id": "late", "published": "2025-02-03", "text": ARTICLE},
               {"id": "other", "published": "2025-01-01", "text": OTHER},
               {"id": "early", "published": "2025-02-01", "text": fix(ARTICLE.replace("\u200c", ""))},
               {"id": "undated", "published": None, "text": ARTICLE}]
    assert cluster_ids(records) == ["early", "other", "early", "early"]


def test_empty_texts_are_their_own_clusters():
    assert cluster(["", "", ARTICLE]) == [0, 1, 2]


def test_signatures_agree_across_processes():
    """The workers of a run make signatures that the main process compares: a signature
    must not depend on the process (as str hashes do, with PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = ("import sys; from paknevis.corpus.dedup import minhash; "
            "sys.stdout.write(minhash(sys.stdin.read())[0].hex())")
    outs = {subprocess.run([sys.executable, "-c", code], input=ARTICLE, capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert outs == {minhash(ARTICLE)[0].hex()}


def test_shingle_hashes_count_distinct_shingles():
    words = "یک دو سه چهار پنج شش هفت"
    assert len(shingle_hashes(words)) == 3  # 7 words: three 5-word shingles
    assert len(shingle_hashes(f"{words} {words}")) == 7  # 10 shingles, the last 3 the first 3 again
    assert len(shingle_hashes("یک دو سه")) == 1 and len(shingle_hashes("...")) == 0
    assert len(shingle_hashes(" ".join(["تکرار"] * 50))) == 1


def test_a_run_without_near_copies_keeps_no_signatures():
    """With --no-dedup no MinHash is made or kept (1 KB a record: a run's memory grew with
    its corpus, 180 MB to 349 MB over a Telegram export of 263,140 messages)."""
    from paknevis.corpus.inputs import Item
    from paknevis.corpus.run import process_items

    items = [Item(ref=f"d.jsonl:{n}", line=f'{{"text": "{t}"}}') for n, t in enumerate((ARTICLE, OTHER))]
    records: list[bytes] = []
    counts = process_items(items, records.append, records.append, sign=False)
    assert (counts.records, counts.signatures) == (2, {})
    assert set(process_items(items, records.append, records.append).signatures) == {"d.jsonl:0", "d.jsonl:1"}
