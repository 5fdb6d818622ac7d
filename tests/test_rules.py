"""The rules' catalogue (repair.rules): each example is repaired by its rule, and every rule
that repair gives is in it."""
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, texts

from paknevis import fix, fix_and_explain
from paknevis.repair.digits import DIGIT_POLICIES
from paknevis.repair.rules import RULES, rules_of

SRC = Path(__file__).resolve().parents[1] / "src" / "paknevis"


@pytest.mark.parametrize("rule", RULES.values(), ids=RULES.keys())
def test_each_example_is_repaired_by_its_rule(rule):
    fixed, edits = fix_and_explain(rule.before, **dict(rule.options))
    assert fixed == rule.after
    assert rule.name in {name for e in edits for name in e.rule.split("+")}


def test_the_rules_in_the_source_are_those_of_the_catalogue():
    # each rule an edit is made with, as the steps name it (and digits.<policy>)
    named = {m for path in SRC.rglob("*.py") if path.name != "rules.py"
             for m in re.findall(r'"((?:letters|digits|punctuation|spacing|handles|zwnj)\.[a-z_]+)"',
                                 path.read_text(encoding="utf-8"))}
    named |= {f"digits.{policy}" for policy in DIGIT_POLICIES if policy != "keep"}
    assert named == RULES.keys()


@SETTINGS
@given(texts, st.sampled_from(DIGIT_POLICIES), st.booleans())
def test_every_rule_that_repair_gives_is_explained(text, digits, keep_diacritics):
    for e in fix_and_explain(text, digits=digits, keep_diacritics=keep_diacritics)[1]:
        assert rules_of(e.rule)


def test_a_joined_rule_or_a_family_gives_each_of_its_rules():
    assert [r.name for r in rules_of("letters.arabic_kaf+zwnj.word")] == ["letters.arabic_kaf", "zwnj.word"]
    assert {r.name for r in rules_of("handles")} == {
        "handles.bidi_handle", "handles.spaced_handle", "handles.spaced_hashtag", "handles.glued_tag"}
    with pytest.raises(KeyError):
        rules_of("zwnj.nothing")


def test_a_rule_or_a_family_can_be_skipped_and_the_rest_is_made():
    z = "\u200c"
    text = 'او گفت "کتاب ها را می خوانم" و نرم افزار'
    assert fix(text) == f"او گفت «کتاب{z}ها را می{z}خوانم» و نرم{z}افزار"
    # a corpus whose compounds of free words stay as typed, and its quotes too
    assert fix(text, skip=["zwnj.join_compound"]) == f"او گفت «کتاب{z}ها را می{z}خوانم» و نرم افزار"
    assert fix(text, skip=["punctuation", "zwnj.join_compound"]) == (
        f'او گفت "کتاب{z}ها را می{z}خوانم" و نرم افزار')
    fixed, edits = fix_and_explain(text, skip=("zwnj.join_compound",))
    assert edits == [e for e in fix_and_explain(text)[1] if e.rule != "zwnj.join_compound"]
    with pytest.raises(ValueError, match="no rule 'zwnj.nothing'"):
        fix(text, skip=["zwnj.nothing"])
    # a name mistyped: the one meant, if one is close
    with pytest.raises(ValueError, match=r"'zwnj.joinn_compound' \(did you mean 'zwnj.join_compound'\?\)"):
        fix(text, skip=["zwnj.joinn_compound"])
    with pytest.raises(TypeError, match=r"no repair option 'zwjn' \(did you mean 'zwnj'\?\)"):
        fix(text, zwjn=False)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        fix(text, skip="zwnj")  # type: ignore[arg-type]
