"""EditTracker: edits of later steps carried back to the input, rules joined in order."""
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis.repair.edits import Edit, EditTracker, apply_edits, undo_edits


def spans(tracker):
    return [(e.start, e.end, e.old, e.new, e.rule) for e in tracker.edits()]


def test_a_later_edit_absorbs_what_an_earlier_one_wrote():
    t = EditTracker("abcdef")
    t.apply([Edit(1, 2, "b", "B", "s1.up"), Edit(4, 5, "e", "", "s1.del")])
    assert t.text == "aBcdf"
    t.apply([Edit(0, 3, "aBc", "xyz", "s2.word"), Edit(4, 4, "", "-", "s2.ins")])
    assert t.text == "xyzd-f"
    assert spans(t) == [(0, 3, "abc", "xyz", "s1.up+s2.word"), (4, 5, "e", "-", "s2.ins+s1.del")]


def test_two_edits_of_one_step_inside_one_earlier_edit():
    t = EditTracker("abcdef")
    t.apply([Edit(1, 5, "bcde", "BCDE", "s1")])
    t.apply([Edit(2, 3, "C", "c", "s2.left"), Edit(3, 4, "D", "d", "s2.right")])
    # the step's edits are applied right to left, so its rules join in that order
    assert spans(t) == [(1, 5, "bcde", "BcdE", "s1+s2.right+s2.left")]


def test_insertions_at_one_offset_keep_their_order():
    t = EditTracker("ab")
    t.apply([Edit(1, 1, "", "1", "i1"), Edit(1, 1, "", "2", "i2"), Edit(1, 2, "b", "B", "r")])
    t.apply([Edit(0, 0, "", "<", "j"), Edit(4, 4, "", ">", "k")])
    assert t.text == "<a12B>"
    assert spans(t) == [(0, 0, "", "<", "j"), (1, 2, "b", "12B>", "i1+i2+r+k")]


def test_a_step_with_no_edits_changes_nothing():
    t = EditTracker("abc")
    t.apply([])
    assert t.text == "abc" and t.edits() == []


# Random steps of random edits over a short text: whatever they do, the edits the tracker
# gives replay the input into the final text and back.
def draw_step(draw, current: str, k: int) -> list[Edit]:
    """One step's edits over ``current``: spans between random cuts, replaced."""
    cuts = sorted(draw(st.lists(st.integers(0, len(current)), max_size=6)))
    edits, last = [], 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < last:
            continue
        edits.append(Edit(a, b, current[a:b], draw(st.text("XY", max_size=3)), f"s{k}"))
        last = b
    return edits


@st.composite
def steps(draw):
    text = draw(st.text("abcd ", min_size=0, max_size=12))
    current, plan = text, []
    for k in range(draw(st.integers(1, 4))):
        plan.append(draw_step(draw, current, k))
        current = apply_edits(current, plan[-1])
    return text, plan, current


@settings(max_examples=500, deadline=None)
@given(steps())
def test_random_steps_replay_and_undo(case):
    text, plan, final = case
    t = EditTracker(text)
    for edits in plan:
        t.apply(edits)
    assert t.text == final
    assert apply_edits(text, t.edits()) == final
    assert undo_edits(final, t.edits()) == text


# Steps that swap letters one for one (as the Arabic yeh and kaf step does) come first,
# before any other step, as the tracker keeps them apart; whatever follows, its edits must
# be those of a tracker that cuts a piece for each.
@st.composite
def swaps_then_steps(draw):
    text = draw(st.text("abcd ", min_size=1, max_size=12))
    current, plan = text, []
    for k in range(draw(st.integers(1, 3))):
        at = sorted(set(draw(st.lists(st.integers(0, len(text) - 1), max_size=5))))
        plan.append([Edit(i, i + 1, current[i], draw(st.sampled_from("abXY")), f"swap{k}") for i in at])
        current = apply_edits(current, plan[-1])
    for k in range(draw(st.integers(1, 4))):
        plan.append(draw_step(draw, current, k))
        current = apply_edits(current, plan[-1])
    return text, plan, current


@settings(max_examples=1000, deadline=None)
@given(swaps_then_steps())
def test_swapped_letters_are_explained_as_pieces_would_be(case):
    text, plan, final = case
    kept_apart, cut = EditTracker(text), EditTracker(text, swaps=False)
    for edits in plan:
        kept_apart.apply(edits)
        cut.apply(edits)
    assert kept_apart.text == cut.text == final
    assert kept_apart.edits() == cut.edits()
    assert apply_edits(text, kept_apart.edits()) == final


def test_a_swapped_letter_inside_a_later_edit_joins_its_rule():
    t = EditTracker("abcd")
    t.apply([Edit(1, 2, "b", "B", "yeh"), Edit(3, 4, "d", "D", "yeh")])
    t.apply([Edit(0, 3, "aBc", "x", "word"), Edit(4, 4, "", "!", "ins")])
    assert t.text == "xD!"
    assert spans(t) == [(0, 3, "abc", "x", "yeh+word"), (3, 4, "d", "D!", "yeh+ins")]
