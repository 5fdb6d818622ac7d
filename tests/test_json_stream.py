"""A Telegram export or an X archive's tweets, written an item to an indented block, read
an item at a time: damage in one message or tweet costs it alone, and each is accounted for."""
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis.documents.telegram_export import read_telegram_export
from paknevis.documents.twitter_archive import read_twitter_archive

TEXTS = ["شکستهای اخیر", "کتاب ها را میخوانم", "خبر سوم", "متن چهارم با \"نقل\" و {آکولاد}", "پنجم"]


def export(texts=TEXTS) -> bytes:
    """A channel's export as Telegram Desktop writes it: one space an indent level."""
    messages = [{"id": n + 10, "type": "message", "date_unixtime": "1738391400", "from": "کانال",
                 "text": [text, {"type": "bold", "text": " و بس"}]} for n, text in enumerate(texts)]
    return json.dumps({"name": "کانال خبری", "type": "public_channel", "id": 42, "messages": messages},
                      ensure_ascii=False, indent=1).encode()


def read(data: bytes) -> list:
    return list(read_telegram_export(io.BufferedReader(io.BytesIO(data))))


WHOLE = read(export())


def test_a_whole_export_is_read_a_message_at_a_time():
    assert [(key, post["text"], post["url"]) for key, post in WHOLE] == [
        (n + 10, f"{text} و بس", f"https://t.me/c/42/{n + 10}") for n, text in enumerate(TEXTS)]


def test_a_message_whose_json_is_broken_costs_it_alone():
    """One parse of the whole export stopped at a damaged byte, and every message after it
    was lost (the file's reject said after how many)."""
    data = export().replace("خبر سوم".encode(), "خبر سوم\"".encode())  # an unescaped quote
    got = read(data)
    assert got[2][0] == "n3" and got[2][1].startswith("a message whose JSON is broken (")
    assert [g for n, g in enumerate(got) if n != 2] == [w for n, w in enumerate(WHOLE) if n != 2]


def test_a_message_whose_opening_is_lost_and_one_the_file_ends_inside():
    data = export()
    first = data.index(b'\n  {\n   "id": 11')
    data = data[:first + 3] + b"[" + data[first + 4:]  # message 11's opening brace
    got = read(data)
    assert got[1][1].startswith("a message whose opening brace is lost (at byte ")
    assert [key for key, _ in got] == [10, "n2", 12, 13, 14]
    cut = read(export()[:export().index("پنجم".encode())])
    assert cut[:4] == WHOLE[:4] and cut[4] == ("n5", cut[4][1]) and cut[4][1].startswith(
        "a message that the file ends inside (at byte ")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(TEXTS) - 1), st.floats(0, 0.999), st.integers(0, 255))
def test_a_byte_changed_in_a_message_changes_no_other(which, where, byte):
    """Whatever byte of a message's block is changed into whatever, every other message is
    read as in the whole export, and the message itself is read or said to be none."""
    data = export()
    blocks = [data.index(f'\n  {{\n   "id": {n + 10}'.encode()) for n in range(len(TEXTS))]
    ends = [*blocks[1:], data.rindex(b"\n ]")]
    at = blocks[which] + 1 + int(where * (ends[which] - blocks[which] - 1))
    damaged = bytearray(data)
    damaged[at] = byte
    got = read(bytes(damaged))
    others = [w for n, w in enumerate(WHOLE) if n != which]
    assert [g for g in got if g in others] == others
    assert len(got) in (len(TEXTS), len(TEXTS) + 1)  # (a brace made or lost: one item more or one less)


TWEETS = """window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "id_str" : "1885000000000000001",
      "created_at" : "Sat Feb 01 06:30:00 +0000 2025",
      "full_text" : "شکستهای اخیر با استقبال بینالمللی"
    }
  },
  {
    "tweet" : {
      "id_str" : "1885000000000000002",
      "created_at" : "Sat Feb 01 07:30:00 +0000 2025",
      "full_text" : "دومی"
    }
  },
  { "tweet" : { "id_str" : "1885000000000000003", "created_at" : "Sun Feb 02 07:00:00 +0000 2025",
                "full_text" : "سومی" } }
]
"""


def test_an_x_archives_tweets_are_read_a_tweet_at_a_time():
    """A tweet on lines of its own, or on one line (the last here); a damaged one is said
    to be none, and the others are read."""
    def tweets(text: str) -> list:
        return list(read_twitter_archive(io.BufferedReader(io.BytesIO(text.encode()))))

    whole = tweets(TWEETS)
    assert [(key, post["text"]) for key, post in whole] == [
        ("1885000000000000001", "شکستهای اخیر با استقبال بینالمللی"), ("1885000000000000002", "دومی"),
        ("1885000000000000003", "سومی")]
    got = tweets(TWEETS.replace('"full_text" : "دومی"', '"full_text" : "دومی'))
    assert got[1][1].startswith("a tweet whose JSON is broken (") and [got[0], got[2]] == [whole[0], whole[2]]


def test_a_json_array_of_posts_laid_out_costs_a_post_a_damage(tmp_path):
    """posts.json as json.dump(posts, f, indent=2) writes it: a post whose JSON is broken,
    or a string among the objects, is one reject, and the posts around it are records."""
    from paknevis.corpus.inputs import iter_items
    from paknevis.corpus.run import process_one

    posts = [{"title": f"خبر {n}", "text": f"متن خبر {n} میشود"} for n in range(4)]
    text = json.dumps([*posts[:2], "متنی تنها", *posts[2:]], ensure_ascii=False, indent=2)
    (tmp_path / "posts.json").write_text(text.replace('"متن خبر 1', '"متن "خبر 1'), encoding="utf-8")
    outcomes = []
    for item in iter_items([tmp_path / "posts.json"]):
        ok, out, _ = process_one(item)
        outcomes.append((item.ref.rsplit("#", 1)[1], json.loads(out)["title" if ok else "reason"][:30]))
    assert outcomes == [("1", "خبر ۰"), ("2", "a post whose JSON is broken (u"),
                        ("3", "a post that is no object laid "), ("4", "خبر ۲"), ("5", "خبر ۳")]


# An array of posts on one line, as json.dump(posts, f) writes it: no layout to cut by, so
# its items are found by their braces outside strings, and after damage by the next «, {»
# that opens an object like the first.
POSTS = [{"title": f"خبر {n}", "text": f"متن {{خبر}} {n} با \"نقل\" و \\ میشود",
          "tags": [{"name": "ایران"}, {"name": "نفت", "ids": [n, n + 1]}]} for n in range(5)]
LINE = json.dumps(POSTS, ensure_ascii=False).encode()


def items(data: bytes) -> list:
    from paknevis.documents.json_stream import array_items

    source = io.BufferedReader(io.BytesIO(data))
    assert source.read(1) == b"["
    return list(array_items(source))


def test_an_array_on_one_line_is_read_an_item_at_a_time():
    assert items(LINE) == [(post, None) for post in POSTS]
    assert items(b"[]") == [] and items(b"[ ]") == []


def test_an_array_on_one_line_damaged_costs_the_damaged_item_alone():
    """A stray quote turns the strings after it inside out, so no brace after it closes the
    item: the reader finds the next item that parses and opens with the first one's key
    (not the object {"name": …} inside an item), and the stretch between is one reject."""
    at = LINE.index("متن {خبر} 2".encode())
    got = items(LINE[:at] + b'"' + LINE[at:])
    assert [post for post, _ in got] == [POSTS[0], POSTS[1], None, POSTS[3], POSTS[4]]
    assert got[2][1].startswith("whose JSON is broken (")
    # damage in the first item: the key its bytes open with is the one to look for
    got = items(LINE.replace(b"\\\\", b"\\q", 1))
    assert [post for post, _ in got] == [None, *POSTS[1:]]


def test_an_array_on_one_line_with_strays_or_cut_short():
    """A string, a number or an array of no objects among the items is a reject each, and
    the item after it is read, whatever key it opens with; an array cut short inside an item
    says so; an array cut after its ], or written as an object's last value, is read whole."""
    strays = json.dumps([POSTS[0], "متنی, تنها]", 12, [1, 2], {"other": 1}, POSTS[1]],
                        ensure_ascii=False).encode()
    assert [(post, why and why.split(" (")[0]) for post, why in items(strays)] == [
        (POSTS[0], None), *[(None, "that is no object")] * 3, ({"other": 1}, None), (POSTS[1], None)]
    cut = LINE[:LINE.index("متن {خبر} 3".encode())]
    got = items(cut)
    assert got[:3] == [(post, None) for post in POSTS[:3]] and len(got) == 4
    assert got[3][1].startswith("that the file ends inside (at byte ")
    assert items(LINE[:-1]) == items(LINE) == [(post, None) for post in POSTS]
    from paknevis.documents.json_stream import array_items

    for closing in (b"]}", b"] \n}\n", b"]"):  # (the ] and } of {"posts": […]}, or cut after the ])
        source = io.BufferedReader(io.BytesIO(LINE[1:-1] + closing))
        assert list(array_items(source, after=b"}")) == [(post, None) for post in POSTS]
    source = io.BufferedReader(io.BytesIO(LINE[1:-1] + b"]}, 5]"))  # (more than closes it: damage)
    assert list(array_items(source, after=b"}"))[-1][1].startswith("that is no object")


@given(st.integers(1, 64))
def test_an_item_is_read_the_same_however_the_blocks_cut_it(block):
    """The count of an item's braces goes on where it stopped when the next block is read
    (an escape or a string cut by a block's end included), so an item is scanned once."""
    from paknevis.documents import json_stream

    whole = items(LINE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_stream, "BLOCK", block)
        assert items(LINE) == whole == [(post, None) for post in POSTS]


def test_an_item_whose_brace_never_closes_is_damage_once_it_runs_longer_than_an_item_may():
    """A brace put where none belongs leaves its item open to the end of the file: once it
    runs longer than MAX_ITEM it is read as damage, and the items after it are found."""
    from paknevis.documents import json_stream

    at = LINE.index(b'"text"', LINE.index("خبر 1".encode()))
    damaged = LINE[:at] + b"{" + LINE[at:]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_stream, "MAX_ITEM", 400)
        patch.setattr(json_stream, "BLOCK", 64)
        got = items(damaged)
    assert [g for g in got if g[1] is None] == [(post, None) for n, post in enumerate(POSTS) if n != 1]
    assert [g[1].split(" (")[0] for g in got if g[1]] == ["whose JSON is broken"]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(POSTS) - 1), st.floats(0, 0.999), st.integers(0, 255), st.booleans(), st.booleans(),
       st.sampled_from([1 << 20, 13, 64]))
def test_a_byte_changed_in_an_item_on_one_line_changes_no_other(which, where, byte, insert, wrapped, block):
    """Whatever byte of an item, or the comma after it, is changed into whatever, or put in,
    every other item is read as in the whole array, and the item itself is read or said to
    be none; so too where the array is an object's last value (a Telegram export's
    messages: «]}» closes the file), and however the blocks read cut the array (the next
    item is looked for a block at a time after damage)."""
    from paknevis.documents import json_stream

    starts = [LINE.index(f'{{"title": "خبر {n}"'.encode()) for n in range(len(POSTS))]
    ends = [*(start - 2 for start in starts[1:]), len(LINE) - 1]  # (the «,» after each item, the last's «]»)
    at = starts[which] + int(where * (ends[which] + 1 - starts[which]))
    damaged = bytearray(LINE)
    if insert:
        damaged.insert(at, byte)
    else:
        damaged[at] = byte
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_stream, "BLOCK", block)
        if wrapped:
            got = list(json_stream.array_items(io.BufferedReader(io.BytesIO(bytes(damaged[1:]) + b"}")),
                                               after=b"}"))
        else:
            got = items(bytes(damaged))
    others = [(post, None) for n, post in enumerate(POSTS) if n != which]
    assert [g for g in got if g in others] == others
    assert len(got) in (len(POSTS) - 1, len(POSTS), len(POSTS) + 1)
