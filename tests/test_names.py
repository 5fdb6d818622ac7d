"""find_entities: the names of people, places and organisations in repaired Persian text
(tests/test_entities.py is of HTML character references)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import fix
from paknevis.entities import EntityMention, find_entities

WEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "web"


def names(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.value) for m in find_entities(text)]


PER, LOC, ORG = "person", "place", "organization"

#: (text, the names found in it: as written, kind, usual form), by what each case shows
CASES = {
    "a known name, its usual form": (
        "سفر به امریکا و ایالات متحده آمریکا و نشست سازمان ملل",
        [("امریکا", LOC, "آمریکا"), ("ایالات متحده آمریکا", LOC, "آمریکا"),
         ("سازمان ملل", ORG, "سازمان ملل متحد")]),
    "the longest name wins": (
        "خلیج فارس و خبرگزاری فارس",
        [("خلیج فارس", LOC, "خلیج فارس"), ("خبرگزاری فارس", ORG, "خبرگزاری فارس")]),
    # فارس the language, استقلال independence, قدیمی an adjective after روستای
    "a word that names only where its neighbours say so": (
        "زبان فارس و استقلال کشور در روستای قدیمی، استان فارس و استان مرکزی",
        [("فارس", LOC, "فارس"), ("مرکزی", LOC, "مرکزی")]),
    "a title is not part of the name": (
        "حجت‌الاسلام و المسلمین محسن سالاری امام جمعه سیریک و سرهنگ رضا همتی‌زاده",
        [("محسن سالاری", PER, "محسن سالاری"), ("سیریک", LOC, "سیریک"),
         ("رضا همتی‌زاده", PER, "رضا همتی‌زاده")]),
    "a family name after a title alone": ("بعد از باخت آقای خطیبی گفت", [("خطیبی", PER, "خطیبی")]),
    "a given name and a family name": (
        "در این دیدار علی‌احمد میرزایی و لیونل مسی حاضر بودند",
        [("علی‌احمد میرزایی", PER, "علی‌احمد میرزایی"), ("لیونل مسی", PER, "لیونل مسی")]),
    "a family name typed in two pieces": (
        "محمد بزرگ نیا و علی حسین زاده", [("محمد بزرگ نیا", PER, "محمد بزرگ نیا"),
                                         ("علی حسین زاده", PER, "علی حسین زاده")]),
    "a father's name, a given name of two": (
        "محمد بن سلمان با غلامعباس ترکی و سردار شهید قاسم سلیمانی",
        [("محمد بن سلمان", PER, "محمد بن سلمان"), ("غلامعباس ترکی", PER, "غلامعباس ترکی"),
         ("قاسم سلیمانی", PER, "قاسم سلیمانی")]),
    # a compound verb's noun is no family name (اذعان کرد), a noun before شد may be one
    "no family name before a light verb of doing": (
        "آل اسحاق اذعان کرد که عده‌ای به محسن بی‌احترامی کردند و جابر ربانی جانشین مهدی تارتار شد",
        [("جابر ربانی", PER, "جابر ربانی"), ("مهدی تارتار", PER, "مهدی تارتار")]),
    # امید hope, فاطمه before a common word, حسن goodness, محمود آباد a place
    "a given name before no family name": ("امید داریم. فاطمه رو به او کرد و حسن شهرت او در محمود آباد", []),
    "a sentence's speaker": (
        "نوری اضافه کرد: این طرح اجرا شد. کمالوند خاطرنشان کرد که تیم آماده است",
        [("نوری", PER, "نوری"), ("کمالوند", PER, "کمالوند")]),
    # a family name that is a given name too (پروین، فرح), where it begins no full name
    "a speaker whose family name is a given name": (
        "پروین درباره شرایط تیم گفت: آماده‌ایم",
        [("پروین", PER, "پروین")]),
    # a pronoun, a role, a talk (گفت و گو) is no speaker
    "no speaker": ("وی افزود: رئیس گفت که کار تمام است. جدیدترین گفت و گوی او منتشر شد", []),
    "the agency and the place a report is from": (
        "به گزارش خبرگزاری فارس از طبس، مردم آمدند. به گزارش مهرنیوز، جلسه برگزار شد",
        [("خبرگزاری فارس", ORG, "خبرگزاری فارس"), ("طبس", LOC, "طبس"), ("مهرنیوز", ORG, "مهرنیوز")]),
    "a state's body and the state, one name": (
        "دبیر شورای امنیت روسیه گفت. قطعنامه شورای امنیت درباره ایران",
        [("شورای امنیت روسیه", ORG, "شورای امنیت روسیه"), ("شورای امنیت", ORG, "شورای امنیت"),
         ("ایران", LOC, "ایران")]),
    "a body and its province or county, one name": (
        "مدیرکل آموزش و پرورش استان کردستان و فرمانده نیروی انتظامی شهرستان دماوند",
        [("آموزش و پرورش استان کردستان", ORG, "آموزش و پرورش استان کردستان"),
         ("نیروی انتظامی شهرستان دماوند", ORG, "نیروی انتظامی شهرستان دماوند")]),
    # from the office's head word to its place; مرکز استان is a province's capital
    "an office of a province, one name": (
        "مدیرکل اداره کل فرهنگ و ارشاد اسلامی استان اصفهان در مرکز استان کرمان گفت",
        [("اداره کل فرهنگ و ارشاد اسلامی استان اصفهان", ORG, "اداره کل فرهنگ و ارشاد اسلامی استان اصفهان"),
         ("کرمان", LOC, "کرمان")]),
    # تصریح کرد: a compound verb's noun after «این شهرستان» is no place
    "no place before a light verb": (
        "رئیس این شهرستان تصریح کرد که طرح در استان تشریح خواهد شد. سفر به شهرستان سیریک",
        [("سیریک", LOC, "سیریک")]),
    "a place's adjective is no name": ("روزنامه فرانسوی فیگارو نوشت", [("فیگارو", ORG, "فیگارو")]),
    "a hashtag's words are the tag's": ("تظاهرات در پاریس #ایران #مجاهدین_خلق", [("پاریس", LOC, "پاریس")]),
    "a person named in full, then by the family name alone": (
        "به گزارش خبرگزاری فارس از یاسوج، مهدی ربانی گفت: کار آغاز شد. به گفته ربانی، "
        "طرح تمام می‌شود. علی حسین زاده آمد و حسین زاده رفت",
        [("خبرگزاری فارس", ORG, "خبرگزاری فارس"), ("یاسوج", LOC, "یاسوج"),
         ("مهدی ربانی", PER, "مهدی ربانی"), ("ربانی", PER, "مهدی ربانی"),
         ("علی حسین زاده", PER, "علی حسین زاده"), ("حسین زاده", PER, "علی حسین زاده")]),
    # رضا may be a word (consent): untitled, no name begins with it, unless its family name
    # names a person in the text
    "a given name that may be a word, before a family name the text names": (
        "رضا اسدی به تیم پیوست. اسدی گفت: آماده‌ام",
        [("رضا اسدی", PER, "رضا اسدی"), ("اسدی", PER, "رضا اسدی")]),
    # two of one family: each lone mention is a person, named by itself
    "two people of one family name": (
        "محسن فرهادی و علی فرهادی آمدند. فرهادی گفت",
        [("محسن فرهادی", PER, "محسن فرهادی"), ("علی فرهادی", PER, "علی فرهادی"),
         ("فرهادی", PER, "فرهادی")]),
    # a family name that is a common word too: a person where it begins a sentence alone
    # (حسینی); جهانی (among the 1,000 most frequent) never, nor اتحادیه, which ends in no ی
    "a family name that is a common word": (
        "سید مجتبی حسینی آمد. حسینی افزود که در دیدار حسینی بودند. جهانی گفت: در جام جهانی "
        "بودیم. محمد اتحادیه آمد و اتحادیه جلسه گذاشت",
        [("مجتبی حسینی", PER, "مجتبی حسینی"), ("حسینی", PER, "مجتبی حسینی"),
         ("جهانی", PER, "جهانی"), ("محمد اتحادیه", PER, "محمد اتحادیه")]),
    "the Arabic «on the» is no علی": ("علی الظاهر خوب است و تعاونوا علی البر و التقوی", []),
    "nothing": ("هوا امروز سرد است و باران می‌بارد. 1234 !!! abc", []),
    "an empty text": ("", []),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_names_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("typed", ["کره جنوبی", "کره‌جنوبی", "كره جنوبي"])
def test_a_name_however_its_parts_are_typed(typed):
    assert names(f"سفر به {typed} لغو شد") == [(typed, "place", "کره جنوبی")]


def test_clubs_that_are_words_only_in_a_text_about_sport():
    sport = "بازیکنان استقلال در ورزشگاه آزادی برابر نفت به میدان رفتند و سرمربی راضی بود"
    assert [(t, k) for t, k, _ in names(sport)] == [("استقلال", "organization"), ("نفت", "organization")]
    assert names("استقلال کشور و صادرات نفت") == []
    assert names("مدیرعامل باشگاه استقلال") == [("استقلال", "organization", "استقلال")]


def test_mentions_are_dicts_with_offsets_into_the_text():
    text = "به گزارش فارس، ترامپ در واشنگتن گفت"
    found = find_entities(text)
    assert all(isinstance(m, EntityMention) and text[m.start:m.end] == m.text for m in found)
    assert found[1].to_dict() == {"start": 15, "end": 20, "text": "ترامپ", "kind": "person",
                                  "value": "دونالد ترامپ"}


@given(st.lists(st.sampled_from(["ایران", "آقای", "علی", "رضایی", "گفت", " ", "، ", ". ", "\u200c",
                                 "استان", "فارس", "به", "گزارش", "کره", "جنوبی", "x", "۱۲"]), max_size=30))
@settings(max_examples=300, deadline=None)
def test_mentions_are_in_order_apart_and_where_they_say(parts):
    text = "".join(parts)
    found = find_entities(text)
    end = 0
    for m in found:
        assert end <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text and m.kind in ("person", "place", "organization")
        end = m.end


@pytest.mark.skipif(not WEB.exists(), reason="needs ../shared/data/web")
def test_the_news_articles_give_names_where_they_stand():
    with (WEB / "farsnews-1-4.jsonl").open(encoding="utf-8") as f:
        lines = [line for _, line in zip(range(200), f, strict=False)]
    texts = [fix("\n\n".join(json.loads(line)["paragraphs"])) for line in lines]
    found = [m for t in texts for m in find_entities(t)]
    assert len(found) > 1000
    assert all(t[m.start:m.end] == m.text for t in texts for m in find_entities(t))
    places = {m.value for m in found if m.kind == "place"}
    assert {"ایران", "تهران", "آمریکا"} <= places
