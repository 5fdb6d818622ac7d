"""Posts and pages into records: the specimen (text and HTML), WordPress, a news site."""
import re
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import find_dates, fix, parse, parse_file
from paknevis.documents import HtmlError, RawPost, assemble

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "pages"
Z = "\u200c"
TITLE = "تظاهرات ۸ فوریه ایرانیان در پاریس، فراخوان به رسمیت شناختن مقاومت ایران"
TAGS = ["تیک_تاک_سرنگونی", "قیام_تنها_جوابه", "مجاهدین_خلق", "ایران", f"کانون{Z}های",
        "MaryamRajavi", "IranRegimeChange"]


@pytest.mark.parametrize("path", [ROOT / "examples" / "blogger-post.txt", PAGES / "blogger.html"],
                         ids=["text", "html"])
def test_the_specimen_as_text_and_as_page(path):
    doc = parse_file(path)
    assert doc.title == TITLE
    assert doc.published[:10] == "2025-02-01"
    assert (doc.source, doc.author) == ("ایلاف لندن", "موسی افشار")
    assert doc.hashtags == TAGS
    assert doc.mentions == ["@BaharIran7"]
    assert doc.text.startswith(f"شکست{Z}های اخیر رژیم ایران")  # not the repeated title
    assert "ایلاف لندن" not in doc.text  # the title is kept once, in `title`
    assert "پیوند این" not in doc.text and "BaharIran" not in doc.text  # no footer line
    assert f"بین{Z}المللی" in doc.text and "بینالمللی" not in doc.text  # repaired
    assert doc.raw_text and "بینالمللی" in doc.raw_text  # the input kept beside it
    assert {"text": "شنبه، ۸ فوریه ۲۰۲۵", "value": "2025-02-08"}.items() <= next(
        d for d in doc.dates if d["value"] == "2025-02-08").items()
    for d in doc.dates:
        assert doc.text[d["start"]:d["end"]] == d["text"]
    assert doc.warnings == []


def test_a_users_words_are_written_as_given_in_the_record(tmp_path):
    # the specimen's hashtag lines glue کانونهای: a house style that keeps it so has it in
    # the record's text and tags, and its edits are one fewer; the title and the rest alike
    path = ROOT / "examples" / "blogger-post.txt"
    default, kept = parse_file(path), parse_file(path, words=["کانونهای"])
    assert "کانونهای" in kept.hashtags and f"کانون{Z}های" in default.hashtags
    assert kept.edits_count == default.edits_count - 1
    assert kept.text.replace("کانونهای", f"کانون{Z}های") == default.text and kept.title == default.title
    page = (PAGES / "blogger.html").read_text(encoding="utf-8")
    assert "کانونهای" in parse(page, words=("کانونهای",)).hashtags


def test_the_record_is_repaired_with_fixs_options():
    # a corpus for a model that wants Latin digits, and its quotes as typed
    path = ROOT / "examples" / "blogger-post.txt"
    default, latin = parse_file(path), parse_file(path, digits="latin")
    to_latin = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
    assert latin.text == default.text.translate(to_latin) != default.text
    assert latin.title == default.title.translate(to_latin) and latin.published == default.published
    post = 'سلام\n\nاو گفت "نرم افزار ها" را می خواهد'
    assert parse(post, skip=["punctuation"]).text == f'او گفت "نرم{Z}افزارها" را می{Z}خواهد'
    assert parse(post).text == f"او گفت «نرم{Z}افزارها» را می{Z}خواهد"


def test_a_file_cut_inside_a_character_says_so(tmp_path):
    f = tmp_path / "cut.txt"
    f.write_bytes((ROOT / "examples" / "blogger-post.txt").read_bytes()[:-1] + "ا".encode()[:1])
    doc = parse_file(f)
    assert doc.title == TITLE
    assert doc.warnings == ["file: ends inside a character, whose bytes are left out"]


def test_a_file_named_with_no_suffix_is_read_with_no_warning_of_its_name(tmp_path):
    f = tmp_path / "post"
    f.write_bytes((ROOT / "examples" / "blogger-post.txt").read_bytes())
    assert (parse_file(f).title, parse_file(f).warnings) == (TITLE, [])


def test_blogger_page_details():
    doc = parse_file(PAGES / "blogger.html")
    assert doc.url == "https://bahariran.blogspot.com/2025/02/8.html"
    assert doc.published_raw == "۱۴۰۳ بهمن ۱۳, شنبه"
    assert "بایگانی" not in doc.text and "Blogger" not in doc.text  # no sidebar or footer


def test_wordpress_post():
    doc = parse_file(PAGES / "wordpress.html")
    assert doc.title == "افزایش قیمت نان در تهران"
    assert doc.source == f"روزنوشت{Z}های یک خبرنگار"
    assert doc.author == "مریم احمدی"
    assert doc.published == "2024-01-16"  # the post's Jalali date (۲۶ دی ۱۴۰۲) agrees with its metadata
    assert doc.hashtags == ["نان", "تهران"]
    assert f"نانوایی{Z}ها می{Z}گویند" in doc.text
    assert "not text" not in doc.text and "نوشته‌های تازه" not in doc.text
    assert [d["value"] for d in doc.dates if d["kind"] == "date"] == ["2024-01-13"]


def test_news_page():
    doc = parse_file(PAGES / "news.html")
    assert doc.title == "بارش برف در ارتفاعات البرز"
    assert doc.url == "https://news.example.ir/news/1403/11/05/12345"
    assert doc.published == "2025-01-24T10:00"  # ۵ بهمن ۱۴۰۳ - ۱۰:۰۰
    assert doc.source == "خبرگزاری نمونه"
    assert doc.text.startswith("به گزارش خبرنگار ما")
    assert "صفحه نخست" not in doc.text and "حقوق محفوظ" not in doc.text
    assert any(d["text"] == "امروز" and d["value"] == "2025-01-24" for d in doc.dates)


def test_record_json_has_the_contract_fields_in_order():
    doc = parse_file(ROOT / "examples" / "blogger-post.txt")
    assert list(orjson.loads(doc.to_json())) == [
        "id", "url", "source", "author", "title", "published", "published_raw", "text",
        "raw_text", "hashtags", "mentions", "links", "dates", "entities", "lang", "quality",
        "dup_cluster", "edits_count", "warnings", "input"]
    assert doc.edits_count > 40
    assert parse_file(ROOT / "examples" / "blogger-post.txt").id == doc.id  # stable
    # written by orjson from the dataclass: the same bytes as from its dict, in both layouts
    assert doc.dates and doc.quality
    for indent in (False, True):
        option = orjson.OPT_INDENT_2 if indent else 0
        assert doc.to_json(indent) == orjson.dumps(doc.to_dict(), option=option)


def test_broken_and_empty_html():
    doc = parse("<html><body><div class='post-body'><p>متن <b>ناقص", kind="html")
    assert doc.text == "متن ناقص"
    with pytest.raises(HtmlError, match="no text"):
        parse("<html><body><script>x</script></body></html>", kind="html")
    with pytest.raises(ValueError, match="empty"):
        parse("   \n")


@pytest.mark.parametrize("depth", [300, 5000])
def test_text_nested_deeper_than_libxml2_reads_is_not_lost(depth):
    # old blog templates leave tags unclosed; libxml2 drops what lies past 256 levels
    # (2,048 as a huge tree), and the page then read as empty
    body = "<p>این متن در لایه‌های تودرتو پنهان است.</p>"
    page = f"<html><head><title>عنوان</title></head><body>{'<div>' * depth}{body}</body></html>"
    doc = parse(page, kind="html")
    assert doc.title == "عنوان"
    assert doc.text == "این متن در لایه‌های تودرتو پنهان است."


def test_plain_text_without_header_or_title():
    doc = parse("این یک متن ساده است که عنوان ندارد و فقط یک بند است، بدون تاریخ.")
    assert doc.title is None and doc.published is None
    assert doc.text.startswith("این یک متن ساده")
    assert doc.warnings == ["published: no date found"]


@pytest.mark.parametrize("invocation", ["بسمه تعالی", "باسمه تعالي", "بسمه\u200cتعالی:",
                                        "بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ", "به نام خدا",
                                        "به نام خداوند جان و خرد", "هو"])
def test_an_invocation_above_the_title_is_no_title_and_stays_at_the_top(invocation):
    """A letter, a report or a thesis opens with an invocation: the title is the line after
    it (or after the date line under it), and the invocation stays, the text's first line."""
    doc = parse(f"{invocation}\n\n۱۴۰۳ بهمن ۱۳, شنبه\n\nگزارش عملکرد سال ۱۴۰۲\n\n"
                "متن گزارش در اینجا آمده است.")
    assert (doc.title, doc.published) == ("گزارش عملکرد سال ۱۴۰۲", "2025-02-01")
    assert doc.text.split("\n\n")[1:] == ["متن گزارش در اینجا آمده است."]
    assert doc.text.split("\n\n")[0] in (invocation, fix(invocation))
    # («به نام» with no name of God may begin a title: a film's)
    assert parse("به نام پدر\n\nفیلمی درباره جنگ است که ساخته شد.\n\nادامه").title == "به نام پدر"


def test_title_from_the_title_tag_without_the_blog_name():
    page = ("<html><head><title>بهار ایران: گزارش تظاهرات برلین</title>"
            "<meta property='og:site_name' content='بهار ایران'></head>"
            "<body><div class='post-body'><p>متن گزارش.</p></div></body></html>")
    doc = parse(page)
    assert doc.title == "گزارش تظاهرات برلین" and doc.source == "بهار ایران"


def test_schema_org_date_before_the_url_digits():
    page = ("<html><head><link rel='canonical' href='https://x.ir/2024/05/07/post'>"
            "<meta itemprop='datePublished' content='2024-05-06'></head>"
            "<body><article><h1>عنوان</h1><p>متن خبر.</p></article></body></html>")
    assert parse(page).published == "2024-05-06"
    assert parse(page.replace("<meta itemprop='datePublished' content='2024-05-06'>", "")
                 ).published == "2024-05-07"


@pytest.mark.parametrize("ld", [
    '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, '
    '{"@type": "NewsArticle", "datePublished": "1403-11-13T10:00:00+03:30"}]}',  # WordPress SEO
    '[{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "datePublished": "1403-11-13T10:00:00+03:30"}]',
])
def test_json_ld_date_in_a_graph_or_a_list(ld):
    page = (f"<html><head><script type='application/ld+json'>{ld}</script></head>"
            "<body><article><h1>عنوان</h1><p>دیروز باران آمد.</p></article></body></html>")
    doc = parse(page)
    assert doc.published == "2025-02-01T10:00:00+03:30" and doc.dates[0]["value"] == "2025-01-31"


def test_a_page_date_is_taken_from_the_first_source_that_is_a_date():
    body = "<body><article><h1>عنوان</h1><p>دیروز باران آمد.</p></article></body></html>"
    persian = "<html><head></head><body><span itemprop='datePublished'>۱۳ بهمن ۱۴۰۳</span>" + body[6:]
    assert parse(persian).published == "2025-02-01"
    unreadable = ("<html><head><script type='application/ld+json'>{\"datePublished\": \"last Tuesday\"}"
                  "</script></head>" + body)  # not a date paknevis reads: the URL's date instead
    doc = parse(unreadable, url="https://x.ir/2025/01/31/post")
    assert doc.published == "2025-01-31" and doc.warnings == []


@pytest.mark.parametrize("value, published", [
    ("2025-02-01", "2025-02-01"),
    ("2025-02-01T10:00:00+03:30", "2025-02-01T10:00:00+03:30"),
    ("1403-11-13", "2025-02-01"),  # Solar Hijri typed as ISO: not the year 1403 AD
    ("۱۴۰۳/۱۱/۱۳", "2025-02-01"),
    ("۱۳ بهمن ۱۴۰۳", "2025-02-01"),
    ("Sat, 01 Feb 2025 10:00:00 +0330", "2025-02-01T10:00:00+03:30"),  # RSS
    ("Saturday, February 1, 2025", "2025-02-01"),  # a platform in English
    ("2025-02-01 (updated)", "2025-02-01"),  # what follows a day is kept only if it is a time
])
def test_a_metadata_date_in_any_usual_form_becomes_iso(value, published):
    doc = assemble(RawPost(raw_text="دیروز باران آمد.", body=["دیروز باران آمد."], published=value))
    assert doc.published == published and doc.published_raw == value
    assert [(d.text, d.value) for d in find_dates(doc.text, base=doc.published)] == [("دیروز", "2025-01-31")]
    assert doc.dates[0]["value"] == "2025-01-31" and doc.warnings == []


@pytest.mark.parametrize("value", ["last Tuesday", "2025-13-45", "فردا"])
def test_a_metadata_date_that_cannot_be_read_loses_nothing(value):
    doc = assemble(RawPost(raw_text="دیروز باران آمد.", body=["دیروز باران آمد."], published=value))
    assert doc.text == "دیروز باران آمد." and doc.published is None and doc.published_raw == value
    assert doc.warnings == [f"published: cannot read the date {value!r}"]


def test_a_date_header_and_metadata_in_two_calendars_agree():
    doc = assemble(RawPost(raw_text="۱۴۰۳ بهمن ۱۳, شنبه\nمتن", date_line="۱۴۰۳ بهمن ۱۳, شنبه",
                           body=["متن"], published="1403-11-13"))
    assert doc.published == "2025-02-01" and doc.warnings == []


@pytest.mark.parametrize("encoding", ["cp1252", "cp1256"])
def test_a_garbled_post_is_decoded_and_judged_persian(encoding):
    # a post stored by a CMS that read UTF-8 as Windows-1252, or shown as Windows-1256:
    # unreadable raw (the second in Arabic letters), Persian repaired
    body = "شکست‌های اخیر رژیم در منطقه با استقبال بین‌المللی روبه‌رو شده است و همه خواندند."
    doc = parse("عنوان خبر\n\n" + body.encode("utf-8").decode(encoding))
    assert doc.text == body
    assert doc.lang == "fa"


def test_an_old_windows_1256_post_shown_as_latin_1_is_decoded_and_judged_persian():
    body = "شکست‌های اخیر رژیم در منطقه با استقبال بین‌المللی روبه‌رو شده است و همه خواندند."
    garbled = ("عنوان خبر\n\n" + body).replace("ی", "ي").encode("cp1256").decode("latin-1")
    assert garbled.startswith("ÚäæÇä")
    doc = parse(garbled)
    assert doc.text == body
    assert doc.lang == "fa"


def test_a_post_too_short_to_tell_is_judged_with_its_title():
    # a headline over a photo and a dot (11 of the Fars News articles): the body alone
    # is too short, the title is Persian
    doc = assemble(RawPost(raw_text="تظاهرات جوانان فلسطینی در رام الله\n.",
                           title="تظاهرات جوانان فلسطینی در رام الله", body=["."]))
    assert doc.text == "." and doc.lang == "fa"
    assert assemble(RawPost(raw_text="سلام\n.", title="سلام", body=["."])).lang == "und"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.text("0123456789۰۱۲۳۴۵۶۷۸۹-/:T +", max_size=30),
                 st.builds(lambda d: d.isoformat(), st.datetimes())))
def test_any_metadata_date_gives_a_record_with_an_iso_date_or_none(value):
    doc = assemble(RawPost(raw_text="متن خبر", body=["متن خبر"], published=value))
    assert doc.text == "متن خبر"
    assert doc.published is None or re.match(r"\d{4}-\d\d-\d\d", doc.published), doc.published


_HTML_PIECES = st.one_of(
    st.sampled_from(["<html>", "<head>", "</head>", "<body>", "<article>", "</article>", "<p>", "</p>",
                     "<h1>", "</h1>", "<title>", "</title>", "<div class='post-body'>", "</div>",
                     "<script type='application/ld+json'>", "</script>", "<time datetime='1403-11-13'>",
                     "</time>", "<meta itemprop='datePublished' content='2025-02-01'>", "<br>", "<!--",
                     "-->", "<![CDATA[", "&zwnj;", "&amp;", "&#x200c;", "<span itemprop='datePublished'>",
                     '{"@graph": [{"datePublished": "Feb 1"}]}', "۱۴۰۳ بهمن ۱۳, شنبه", "کتاب ها را میخوانم",
                     "#ایران", "BaharIran@ 7", "پیوند این بلاگ با توئیتر", "\ud83d", "\x00", "\u200c"]),
    st.text(max_size=15))


@settings(max_examples=150, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=25).map("".join))
def test_any_page_is_a_record_or_one_clear_error(page):
    try:
        doc = parse(page, kind="html")
    except ValueError as e:  # HtmlError among them: no text, broken HTML; or an empty input
        assert str(e) in ("empty document", "no text found in the page") or str(e).startswith("broken HTML")
        return
    assert orjson.loads(doc.to_json())["text"] == doc.text
    assert doc.published is None or re.match(r"\d{4}-\d\d-\d\d", doc.published)


@pytest.mark.parametrize("header", ["Saturday, February 1, 2025", "Sat Feb 01 2025", "1 February 2025"])
def test_a_date_header_in_english_words(header):
    """Blogger with an English interface heads a Persian post so."""
    doc = parse(f"{header}\n\nعنوان خبر\n\nدیروز باران آمد.")
    assert (doc.published, doc.published_raw, doc.title) == ("2025-02-01", header, "عنوان خبر")
    assert doc.dates[0]["value"] == "2025-01-31"


def test_a_tei_document_parses_as_its_text():
    """parse() reads a TEI document as its one text (its declared encoding no matter, the
    text read already); a TEI corpus holds many: 'paknevis process' makes their records."""
    from test_corpus_formats import TEI

    doc = parse(TEI.replace('encoding="UTF-8"', 'encoding="windows-1256"'), url="https://y.ir")
    assert (doc.title, doc.author, doc.published, doc.url) == (
        "نامه\u200cها", "موسی افشار", "1999-05-03", "https://x.ir/1")
    assert doc.text.startswith("سرآغاز\n\nمتن غلط و جمهوری اسلامی است")
    assert parse(TEI.replace("<idno type=\"URI\">https://x.ir/1</idno>", ""), url="https://y.ir").url == "https://y.ir"
    with pytest.raises(ValueError, match="holds many texts"):
        parse("<teiCorpus><TEI><text><body><p>یک</p></body></text></TEI>"
              "<TEI><text><body><p>دو</p></body></text></TEI></teiCorpus>")
    with pytest.raises(ValueError, match="nothing in its body"):
        parse("<TEI><text><body><p> </p></body></text></TEI>")


def test_a_channels_signature_ends_no_text():
    """A Telegram channel ends each post with its signature: its handle or t.me link alone
    on a line, among emoji (🆔 @farsna), and marks (👇👇, ➖➖➖). They are a footer, as a
    blog's 'follow us' line is: out of the text, their handle and link still the record's.
    A handle in a sentence, and marks with no signature below them, are text."""
    from paknevis.documents import assemble, post_of

    post = ["🔴 رئیس‌جمهور: تورم کاهش مییابد", "", "🔹 برنامه های دولت اجرا میشود.", "👇👇", "",
            "🆔 @farsna", "➖➖➖", "https://t.me/farsna", "❤️"]
    doc = assemble(post_of({"source": "خبرگزاری فارس"}, post))
    assert doc.text == f"🔴 رئیس{Z}جمهور: تورم کاهش می{Z}یابد\n\n🔹 برنامه{Z}های دولت اجرا می{Z}شود."
    assert (doc.mentions, doc.links) == (["@farsna"], ["https://t.me/farsna"])
    assert "@farsna" in doc.raw_text
    for kept in (["متن پست", "❤️"], ["متن", "👇", "@BaharIran7 گفت سلام"]):
        assert assemble(post_of({}, kept)).text == "\n\n".join(kept)
