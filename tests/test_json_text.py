"""JSON repaired as JSON (repair/json_text.py): each string value as fix repairs a text,
the spaces at its edges kept, everything else of the JSON byte for byte."""
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, texts

from paknevis import apply_edits, fix
from paknevis.repair import repairer
from paknevis.repair.json_text import (
    JsonError,
    fix_json,
    json_blocks,
    looks_like_json,
    repair_json,
    string_values,
)
from paknevis.repair.lines import line_blocks
from paknevis.repair.strings import apart

Z = "\u200c"
WEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "web"


def fixed_inside(text: str) -> str:
    """``text`` as fix makes it, the spaces at its edges as they were."""
    lead, core, trail = apart(text)
    return lead + fix(core) + trail


def _strings_repaired_alone(before, after):
    """``after`` is ``before`` with every string s made fixed_inside(s): same keys, same order."""
    if isinstance(before, str):
        assert after == fixed_inside(before)
    elif isinstance(before, list):
        assert isinstance(after, list) and len(after) == len(before)
        for b, a in zip(before, after, strict=True):
            _strings_repaired_alone(b, a)
    elif isinstance(before, dict):
        assert isinstance(after, dict) and list(after) == list(before)
        for key in before:
            _strings_repaired_alone(before[key], after[key])
    else:
        assert after == before


def test_only_string_values_change():
    line = '{"كتاب ها": "كتاب ها", "n": 12, "ok": true, "none": null, "list": ["می شود", 1.50]}'
    fixed = repair_json(line, repairer())[0]
    assert fixed == (f'{{"كتاب ها": "کتاب{Z}ها", "n": 12, "ok": true, "none": null, '
                     f'"list": ["می{Z}شود", 1.50]}}')


def test_quotes_and_commas_of_the_json_stay():
    # repaired as text, the quotes became «» and the comma ،
    line = '{"title": "استقلال تا بازی السد پنهان شد", "abstract": "گفت: \\"سلام\\""}'
    fixed = repair_json(line, repairer())[0]
    assert json.loads(fixed) == {"title": "استقلال تا بازی السد پنهان شد", "abstract": "گفت: «سلام»"}
    assert fixed.startswith('{"title": "استقلال تا بازی السد پنهان شد", "abstract": ')


def test_escapes_stay_as_the_writer_wrote_them():
    escaped = json.dumps({"t": "كتاب ها"})  # ensure_ascii: \u escapes only
    fixed = repair_json(escaped, repairer())[0]
    assert fixed.isascii() and json.loads(fixed) == {"t": f"کتاب{Z}ها"}
    raw = json.dumps({"t": "كتاب ها"}, ensure_ascii=False)
    assert repair_json(raw, repairer())[0] == f'{{"t": "کتاب{Z}ها"}}'
    # a lone surrogate (half an emoji) stays an escape, which UTF-8 can hold
    lone = '{"t": "\\ud83d كتاب"}'
    fixed = repair_json(lone, repairer())[0]
    assert fixed == '{"t": "\\ud83d \\u06a9\\u062a\\u0627\\u0628"}'
    fixed.encode("utf-8")


def test_a_line_repair_leaves_alone_is_unchanged_to_the_byte():
    line = '{ "a" :"درست است" ,"b":[ 1e3 , -0.0 ], "n": 123456789012345678901234567890 }'
    assert repair_json(line, repairer())[0] == line


def test_fields_limit_the_repair_to_their_keys():
    line = '{"id": "كتاب", "title": "كتاب", "body": {"p": ["كتاب"]}, "tags": ["كتاب"]}'
    fixed = json.loads(repair_json(line, repairer(), fields=("title", "body"))[0])
    assert fixed == {"id": "كتاب", "title": "کتاب", "body": {"p": ["کتاب"]}, "tags": ["كتاب"]}
    # a document of records in an array, and keys deeper down
    doc = '[{"id": "كتاب", "title": "كتاب"}, {"meta": {"title": "كتاب"}, "id": "كتاب"}]'
    fixed = json.loads(repair_json(doc, repairer(), fields=("title",))[0])
    assert fixed == [{"id": "كتاب", "title": "کتاب"}, {"meta": {"title": "کتاب"}, "id": "كتاب"}]


def test_string_values_know_their_place():
    text = '{"a": ["x", {"b": "y,]}"}, [], {}], "c": "z\\"", "d/e~": ["", "w"]}\n["v"]'
    found = [(text[s:e], path) for s, e, path in string_values(text)]
    assert found == [('"x"', ("a", 0)), ('"y,]}"', ("a", 1, "b")), ('"z\\""', ("c",)),
                     ('""', ("d/e~", 0)), ('"w"', ("d/e~", 1)), ('"v"', (0,))]


def test_a_string_keeps_the_spaces_at_its_edges():
    """A string may be a piece of a text that goes on in the next: a Telegram export's text
    is a list of pieces and entities. Its edge spaces part it from the next, as a page's
    text keeps those before a tag; repaired as a text alone, 'روبرو شده ' lost its last
    space, and the pieces read together made 'شده#ایران'."""
    message = {"text": ["روبرو شده ", {"type": "hashtag", "text": "#ايران"}, " و ", {"type": "link",
                        "text": "https://x.ir/a"}, "\u00a0كتاب ها "]}
    fixed, strings = repair_json(json.dumps(message, ensure_ascii=False), repairer(), explain=True)
    pieces = json.loads(fixed)["text"]
    assert "".join(p if isinstance(p, str) else p["text"] for p in pieces) == (
        f"روبرو شده #ایران و https://x.ir/a\u00a0کتاب{Z}ها ")
    assert [(s.place, s.text, apply_edits(s.text, s.edits)) for s in strings] == [
        ("/text/1/text", "#ايران", "#ایران"), ("/text/4", "\u00a0كتاب ها ", f"\u00a0کتاب{Z}ها ")]
    assert repair_json(fixed, repairer())[0] == fixed


def test_explain_gives_each_strings_line_place_and_edits():
    text = '{"a": "ok"}\n{"p": ["x", "كتاب ها"], "k/1": "میشود"}\n'
    fixed, strings = repair_json(text, repairer(), explain=True)
    assert [(s.line, s.place, s.text) for s in strings] == [
        (2, "/p/1", "كتاب ها"), (2, "/k~11", "میشود")]
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)
    assert fixed == repair_json(text, repairer())[0]


def test_a_pretty_printed_document():
    value = {"title": "كتاب ها", "body": ["می شود", {"deep": "بینالمللی"}], "n": 3}
    text = json.dumps(value, ensure_ascii=False, indent=2)
    fixed, strings = repair_json(text, repairer(), explain=True)
    assert json.loads(fixed) == {
        "title": f"کتاب{Z}ها", "body": [f"می{Z}شود", {"deep": f"بین{Z}المللی"}], "n": 3}
    assert fixed.count("\n") == text.count("\n")
    assert [(s.line, s.place) for s in strings] == [(2, "/title"), (4, "/body/0"), (6, "/body/1/deep")]


@pytest.mark.parametrize("name", ["farsnews-1-4.jsonl", "varzesh3-1.jsonl"])
def test_web_dumps(name):
    """Every line of the dumps stays JSON with its keys, each string as fix makes it alone."""
    if not (WEB / name).exists():
        pytest.skip("needs ../shared/data")
    text = (WEB / name).read_text(encoding="utf-8")
    fixed, strings = repair_json(text, repairer(), explain=True)
    before, after = text.splitlines(), fixed.splitlines()
    assert len(after) == len(before)
    for b, a in zip(before[:300], after[:300], strict=True):
        _strings_repaired_alone(json.loads(b), json.loads(a))
    changed = [n for n, (b, a) in enumerate(zip(before, after, strict=True), 1) if b != a]
    assert changed == sorted({s.line for s in strings})
    assert repair_json(fixed, repairer())[0] == fixed  # idempotent


def test_fix_json_checks_its_input():
    assert fix_json('["كتاب"]\n{"a": "كتاب"}') == '["کتاب"]\n{"a": "کتاب"}'
    with pytest.raises(JsonError, match="line 2: not JSON"):
        fix_json('{"a": 1}\nكتاب')
    with pytest.raises(TypeError):
        fix_json(b'{"a": 1}')


def test_json_blocks_name_the_line_that_is_not_json():
    text = '{"a": "b"}\n' * 300 + "{oops\n"
    with pytest.raises(JsonError, match="line 301: not JSON"):
        list(json_blocks(line_blocks(text)))
    pretty = json.dumps({"a": ["b"] * 400}, indent=1)
    assert list(json_blocks(line_blocks(pretty))) == [pretty]  # one value, one block
    with pytest.raises(JsonError, match="not JSON"):
        list(json_blocks(line_blocks(pretty[:-1])))


def test_what_looks_like_json():
    assert looks_like_json('\n{"title": "سلام"}\n{"title": "')
    assert looks_like_json('[1, 2]\n')
    assert not looks_like_json("سلام\n{}")
    assert not looks_like_json("1403\n")  # a number is JSON, and the first line of many texts
    assert not looks_like_json("{این متن است}")


json_values = st.recursive(
    st.one_of(texts, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(texts, inner, max_size=4)),
    max_leaves=12)


@SETTINGS
@given(st.lists(json_values, min_size=1, max_size=4), st.booleans(), st.sampled_from([None, 2]))
def test_json_lines_and_documents_keep_their_json(values, ascii_only, indent):
    """Every string value comes out as fix makes it alone, but for the spaces at its edges,
    and the rest of the JSON as it was;
    idempotent; and the edits explained replay each string."""
    if indent:  # one document, pretty-printed
        values = values[:1]
    text = "\n".join(json.dumps(v, ensure_ascii=ascii_only, indent=indent) for v in values)
    fixed, strings = repair_json(text, repairer(), explain=True)
    parsed = [json.loads(fixed)] if indent else [json.loads(line) for line in fixed.split("\n")]
    assert len(parsed) == len(values)
    for before, after in zip(values, parsed, strict=True):
        _strings_repaired_alone(before, after)
    assert repair_json(fixed, repairer())[0] == fixed
    assert repair_json(text, repairer())[0] == fixed
    for s in strings:
        assert apply_edits(s.text, s.edits) == fixed_inside(s.text)
    if ascii_only:
        assert fixed.isascii()
