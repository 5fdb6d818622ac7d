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


def test_known_names_with_their_usual_form():
    assert names("سفر به امریکا و ایالات متحده آمریکا") == [
        ("امریکا", "place", "آمریکا"), ("ایالات متحده آمریکا", "place", "آمریکا")]
    assert names("نشست سازمان ملل و آژانس بین‌المللی انرژی اتمی") == [
        ("سازمان ملل", "organization", "سازمان ملل متحد"),
        ("آژانس بین‌المللی انرژی اتمی", "organization", "آژانس بین‌المللی انرژی اتمی")]


@pytest.mark.parametrize("typed", ["کره جنوبی", "کره‌جنوبی", "كره جنوبي"])
def test_a_name_however_its_parts_are_typed(typed):
    assert names(f"سفر به {typed} لغو شد") == [(typed, "place", "کره جنوبی")]


def test_the_longest_name_wins():
    assert names("خلیج فارس و خبرگزاری فارس") == [
        ("خلیج فارس", "place", "خلیج فارس"), ("خبرگزاری فارس", "organization", "خبرگزاری فارس")]


def test_a_word_that_is_also_a_name_only_where_it_names():
    # فارس the language, استقلال independence, قدیمی an adjective after روستای
    assert names("زبان فارس و استقلال کشور در روستای قدیمی") == []
    assert names("استان فارس و استان مرکزی") == [("فارس", "place", "فارس"), ("مرکزی", "place", "مرکزی")]


def test_clubs_that_are_words_only_in_a_text_about_sport():
    sport = "بازیکنان استقلال در ورزشگاه آزادی برابر نفت به میدان رفتند و سرمربی راضی بود"
    assert [(t, k) for t, k, _ in names(sport)] == [("استقلال", "organization"), ("نفت", "organization")]
    assert names("استقلال کشور و صادرات نفت") == []


def test_people_after_a_title_without_the_title():
    assert names("حجت‌الاسلام و المسلمین محسن سالاری امام جمعه سیریک") == [
        ("محسن سالاری", "person", "محسن سالاری"), ("سیریک", "place", "سیریک")]
    assert names("سرهنگ رضا همتی‌زاده رئیس پلیس راه") == [("رضا همتی‌زاده", "person", "رضا همتی‌زاده")]
    assert names("بعد از باخت آقای خطیبی گفت") == [("خطیبی", "person", "خطیبی")]


def test_people_by_their_given_name():
    assert names("در این دیدار علی‌احمد میرزایی و لیونل مسی حاضر بودند") == [
        ("علی‌احمد میرزایی", "person", "علی‌احمد میرزایی"), ("لیونل مسی", "person", "لیونل مسی")]
    # a family name typed in two pieces
    assert names("محمود احمدی نژاد و محمد بزرگ نیا") [1:] == [("محمد بزرگ نیا", "person", "محمد بزرگ نیا")]
    # a given name that is also a word (امید hope) is no name alone
    assert names("امید داریم که این کار انجام شود") == []


def test_the_shapes_of_persian_names():
    assert names("دیدار علی حسین زاده و محمد بن سلمان با غلامعباس ترکی") == [
        ("علی حسین زاده", "person", "علی حسین زاده"), ("محمد بن سلمان", "person", "محمد بن سلمان"),
        ("غلامعباس ترکی", "person", "غلامعباس ترکی")]
    assert names("سردار شهید قاسم سلیمانی") == [("قاسم سلیمانی", "person", "قاسم سلیمانی")]
    # a given name before a common word, or a place typed apart, is no person
    assert names("فاطمه رو به او کرد و حسن شهرت او در محمود آباد") == []


def test_the_speaker_of_a_sentence():
    assert names("نوری اضافه کرد: این طرح اجرا شد. کمالوند خاطرنشان کرد که تیم آماده است") == [
        ("نوری", "person", "نوری"), ("کمالوند", "person", "کمالوند")]
    # a pronoun, a role or a word in mid-sentence is no speaker; a talk (گفت و گو) is no speech
    assert names("وی افزود: رئیس گفت که کار تمام است") == []
    assert names("جدیدترین گفت و گوی او منتشر شد") == []


def test_the_agency_and_the_place_a_report_is_from():
    assert names("به گزارش خبرگزاری فارس از طبس، مردم آمدند") == [
        ("خبرگزاری فارس", "organization", "خبرگزاری فارس"), ("طبس", "place", "طبس")]
    assert names("به گزارش ایسنا، جلسه برگزار شد") == [("ایسنا", "organization", "ایسنا")]
    assert names("به گزارش مهرنیوز، جلسه برگزار شد") == [("مهرنیوز", "organization", "مهرنیوز")]


def test_a_states_body_and_the_state_are_one_name():
    assert names("دبیر شورای امنیت روسیه گفت") == [("شورای امنیت روسیه", "organization", "شورای امنیت روسیه")]
    assert names("قطعنامه شورای امنیت درباره ایران") == [
        ("شورای امنیت", "organization", "شورای امنیت"), ("ایران", "place", "ایران")]


def test_a_places_adjective_is_no_name():
    assert names("روزنامه فرانسوی فیگارو نوشت") == [("فیگارو", "organization", "فیگارو")]


def test_mentions_are_dicts_with_offsets_into_the_text():
    text = "به گزارش فارس، ترامپ در واشنگتن گفت"
    found = find_entities(text)
    assert all(isinstance(m, EntityMention) and text[m.start:m.end] == m.text for m in found)
    assert found[1].to_dict() == {"start": 15, "end": 20, "text": "ترامپ", "kind": "person",
                                  "value": "دونالد ترامپ"}


def test_nothing_in_text_without_names():
    assert find_entities("") == []
    assert find_entities("هوا امروز سرد است و باران می‌بارد.") == []
    assert find_entities("1234 !!! abc") == []


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
