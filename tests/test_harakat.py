"""Harakat: stray ones go, a vocalized passage and the tanvin of حتماً stay (harakat.py)."""
import json
import re
from pathlib import Path

import pytest

from paknevis import fix, fix_and_explain
from paknevis.repair.chars import WORD_CHARS
from paknevis.repair.harakat import has_harakat, in_vocalized_passage

WORD = re.compile(f"[{WORD_CHARS}]+")

VERSE = "لاَ تَقْرَبُواْ مَالَ الْیَتِیمِ إِلاَّ بِالَّتِی هِیَ أَحْسَنُ"


def test_stray_harakat_go_unless_kept():
    assert fix("کِتابْ") == "کتاب"
    assert fix("کِتابْ", keep_diacritics=True) == "کِتابْ"
    # a shadda or a kasra here and there in Persian prose is typed by habit
    assert fix("ولایت ابّ و جدّ و تصمیم‌گیریِ هسته‌ای") == "ولایت اب و جد و تصمیم‌گیری هسته‌ای"


def test_tanvin_on_alef_is_spelling_and_stays():
    # the Academy writes it (حتماً، لطفاً، ثانیاً); the Arabic order (tanvin before the
    # alef) is put right, and a tanvin anywhere else is a stray haraka
    assert fix("حتماً و لطفاً") == "حتماً و لطفاً"
    assert fix("حتمًا") == "حتماً"
    assert fix("حتمًاً") == "حتماً"
    assert fix("حتمًا\u200bً") == "حتماً"  # one tanvin on the alef (hypothesis)
    assert fix("کتابً") == "کتاب"
    _, edits = fix_and_explain("کاملًا")
    assert [(e.old, e.new, e.rule) for e in edits] == [("ًا", "اً", "letters.tanvin_on_alef")]


def test_a_vocalized_passage_keeps_every_haraka():
    text = f"در آیه آمده است: «{VERSE}» (انعام: ۱۵۲)"
    assert fix(text) == text
    # its words are not repaired or joined either: they are Arabic
    assert fix(f"{VERSE} کِتابِ هایِ نَو") == f"{VERSE} کِتابِ هایِ نَو"
    # the Arabic order of its tanvin is its own
    assert fix("کَثِیرًا مِّنْهُمْ یَتَوَلَّوْنَ") == "کَثِیرًا مِّنْهُمْ یَتَوَلَّوْنَ"


def test_a_passage_is_three_words_with_harakat_in_a_row_on_one_line():
    assert in_vocalized_passage("بَ بَ بَ", (0, 2))
    assert in_vocalized_passage("بَ، «بَ» (بَ)", (4, 6))
    assert not in_vocalized_passage("بَ و بَ بَ", (0, 2))
    assert not in_vocalized_passage("بَ بَ\nبَ", (0, 2))
    assert fix("بَ و بَ بَ") == "ب و ب ب"
    assert fix("بَ بَ\nبَ") == "ب ب\nب"


def test_presentation_forms_of_harakat_go_with_the_harakat():
    # ﹶ draws a fatha: once it became one, which only a second pass removed
    assert fix("بﹶ") == "ب"
    assert fix("بﹶ", keep_diacritics=True) == "بَ"
    assert fix("حتماﹰ") == "حتماً"


def test_a_bidi_control_before_a_haraka_is_inside_the_word():
    assert fix("حتم\u200fًا") == "حتماً"
    assert fix("بَ\u200fَب") == "بب"  # the RLM before the second fatha goes with it
    # a zero-width space beside a haraka that goes still stands for a ZWNJ (hypothesis)
    assert fix("می\u200bً\u200bمی") == "می\u200cمی"


def test_only_verses_are_passages_in_the_web_articles():
    # every run of words that keep harakat (but a bare tanvin on an alef) in the Fars News
    # and Varzesh3 articles: 33, each a verse of the Quran or a sermon of Nahj al-Balagha
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "web"
    if not shared.exists():
        pytest.skip("../shared/data/web is not beside the checkout")
    words, runs = [], 0
    for name in ("farsnews-1-4.jsonl", "varzesh3-1.jsonl"):
        for line in (shared / name).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for para in [doc["title"], doc["abstract"], *doc["paragraphs"]]:
                for text_line in fix(para).split("\n"):
                    run = 0
                    for word in [*WORD.findall(text_line), ""]:
                        if has_harakat(word.removesuffix("اً")):
                            words.append(word)
                            run += 1
                        else:
                            runs += run >= 3
                            run = 0
    assert runs == 33
    assert {"تَقْرَبُواْ", "الْیَتِیمِ", "الَّذِینَ", "فُرَاتٌ"} <= set(words)
    assert "ابّ" not in words and "ولیّ" not in words and "امّا" not in words
