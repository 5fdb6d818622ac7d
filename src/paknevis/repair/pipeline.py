"""The repair pipeline: the steps in a fixed order, run fast or with every edit traced."""
from __future__ import annotations

import sys
from functools import lru_cache
from itertools import accumulate, pairwise

from .config import RepairConfig, config_of
from .digits import digits_step, number_marks_step
from .edits import Edit, EditTracker
from .entities import decodable, entity_step
from .foreign import has_foreign_letter, persian_spans
from .handles import glued_tag_step, handle_step, hashtag_step
from .harakat import HarakatStep
from .letters import (
    MAKES_HARAKAT,
    arabic_yeh_kaf_step,
    bidi_between_words_step,
    composable,
    composed_step,
    invisible_step,
    kashida_step,
    letters_step,
    soft_hyphen_step,
)
from .lines import BLOCK_LINES, line_blocks
from .mojibake import garbled, mojibake_step
from .punctuation import persian_punctuation_step, persian_quotes_step
from .spacing import MARK_SPACING_STEPS, SPACE_STEPS, odd_space_step
from .step import StepGroup, WithoutRules, group_rare_char_steps, group_steps_needing
from .zwnj import Lexicon, ZwnjRestorer, ZwnjStep, wrong_zwnj_step


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    return Lexicon.load()


#: Passes of the steps at most: a second only where a step made an HTML character reference
#: or a mojibake run whole (by deleting what stood inside it, or decoding what stood beside
#: it), which each pass takes a level off.
_MAX_PASSES = 4


class Repairer:
    """Runs the repair steps chosen by a :class:`RepairConfig`.

    Order matters and is fixed: mojibake, HTML character references and letters first (so
    every later step sees one alphabet), odd spaces, wrong ZWNJs out, spacing next (so handles
    and ZWNJ see single spaces), handles before the spaces around marks and before digits
    (a handle's digits are Latin on purpose), and ZWNJ last, on clean words. ``fix`` runs
    the steps for rare characters as one group behind one scan.
    """

    def __init__(self, config: RepairConfig | None = None, lexicon: Lexicon | None = None):
        self.config = config = config or RepairConfig()
        steps: list = []
        if config.letters:  # mojibake and references first: what they decode to is repaired
            steps += [mojibake_step, entity_step, arabic_yeh_kaf_step, composed_step, soft_hyphen_step,
                      letters_step(), kashida_step]
            # harakat before invisible controls: a control after a haraka that goes then
            # stands between two letters (بَ\u200fب), and is judged there in the same pass
            if not config.keep_diacritics:
                steps.append(HarakatStep(makes_harakat=MAKES_HARAKAT))
            steps += [invisible_step, bidi_between_words_step]
        if config.spacing:
            steps.append(odd_space_step)
        if config.punctuation:  # after odd spaces, which it looks past
            steps += [persian_punctuation_step, persian_quotes_step]
        if config.zwnj:
            steps.append(wrong_zwnj_step)  # before spacing: removing one may strand a space
        if config.spacing:
            steps += SPACE_STEPS
        # handles on single spaces, and before the spaces around marks, which see a handle
        # put right as a second pass would (Hi@ ، -> @Hi ، -> @Hi،)
        if config.handles:
            steps += [handle_step, hashtag_step, glued_tag_step]
        if config.spacing:
            steps += MARK_SPACING_STEPS
        steps.append(digits_step(config.digits))
        if marks := number_marks_step(config.digits):
            steps.append(marks)
        if config.zwnj:
            lexicon = lexicon or shipped_lexicon()
            if config.words:
                lexicon = lexicon.with_words(config.words)
            steps.append(ZwnjStep(ZwnjRestorer(lexicon)))
        self._composes = "letters.decomposed" not in config.skipped_rules
        if skipped := config.skipped_rules:
            steps = [WithoutRules(step, skipped) for step in steps]
        self.steps = tuple(steps)  # each traced on its own by fix_and_explain
        #: what ``fix`` runs: the same steps, those for rare characters behind one scan,
        #: and those of numbers behind a search for a digit
        self.fix_steps = tuple(group_steps_needing(group_rare_char_steps(steps)))

    def clear_caches(self) -> None:
        """Forget the per-word decisions cached so far (the tables stay loaded)."""
        for step in self.steps:
            step = getattr(step, "step", step)  # (inside WithoutRules)
            if isinstance(step, ZwnjStep):
                step.restorer.clear_cache()

    def fix(self, text: str) -> str:
        # most texts are one piece: straight on (over 3,000 lines of farsnews, 634 M -> 618 M
        # instructions in all)
        if text.count("\n") < BLOCK_LINES and not has_foreign_letter(text):
            return self._fix(text)
        return self._in_parts(text, lambda part: (self._fix(part), ()))[0]

    def _fix(self, text: str) -> str:
        for _ in range(_MAX_PASSES):
            for step in self.fix_steps:
                text = step.apply(text)
            if not self._needs_another_pass(text):
                break
        return text

    def fix_and_explain(self, text: str) -> tuple[str, list[Edit]]:
        return self._in_parts(text, self._fix_and_explain)

    def _in_parts(self, text: str, repair) -> tuple[str, list[Edit]]:
        """``repair`` (text -> (text, edits)) on each part of ``text`` it is given alone: a
        text of more lines than a block, a block at a time (lines.py: on a 15 MB text,
        2.2 s and 176 MB instead of 5.9 s and 275 MB in one piece), and in a block, the
        Persian lines only: lines in Urdu, Pashto or Kurdish stay as they are (foreign.py)."""
        if text.count("\n") >= BLOCK_LINES:  # (2 ms over the farsnews articles)
            ends = list(accumulate(map(len, line_blocks(text, max_chars=sys.maxsize))))
            return _in_spans(text, pairwise([0, *ends]), lambda block: self._in_lines(block, repair))
        return self._in_lines(text, repair)

    @staticmethod
    def _in_lines(text: str, repair) -> tuple[str, list[Edit]]:
        return _in_spans(text, persian_spans(text), repair) if has_foreign_letter(text) else repair(text)

    def _fix_and_explain(self, text: str) -> tuple[str, list[Edit]]:
        tracker = EditTracker(text)
        for _ in range(_MAX_PASSES):
            for step in self._explained_steps(tracker):
                tracker.apply(step.edits(tracker.text))
            if not self._needs_another_pass(tracker.text):
                break
        return tracker.text, tracker.edits()

    def _explained_steps(self, tracker: EditTracker):
        """The steps one by one, as ``fix_and_explain`` traces each, but those of a group
        (for rare characters, or for numbers) only where the text as it comes to the group
        has one of the characters they act on (as ``fix`` runs them)."""
        for step in self.fix_steps:
            if isinstance(step, StepGroup):
                yield from step.steps_for(tracker.text)
            else:
                yield step

    def _needs_another_pass(self, text: str) -> bool:
        """Did a step make an HTML reference or a mojibake run whole (entities.py,
        mojibake.py), or bring a letter and the mark it composes with together (letters.py)?
        Then the steps run again, so that ``fix`` stays idempotent."""
        return self.config.letters and (decodable(text) or garbled(text) or (
            self._composes and composable(text)))


def _in_spans(text: str, spans, repair) -> tuple[str, list[Edit]]:
    """``text`` with each of ``spans`` (start, end) repaired by ``repair``, the rest as it
    is, and the edits, shifted to their places in ``text``."""
    out: list[str] = []
    edits: list[Edit] = []
    pos = 0
    for start, end in spans:
        fixed, span_edits = repair(text[start:end])
        out += (text[pos:start], fixed)
        edits += (e.shifted(start) for e in span_edits)
        pos = end
    out.append(text[pos:])
    return "".join(out), edits


def repairer(**options) -> Repairer:
    """A shared :class:`Repairer` for these options (the tables are built once)."""
    # (a list is no key of the cache, and no words are the default's Repairer)
    for name in ("words", "skip"):
        if values := options.pop(name, ()):
            options[name] = values if isinstance(values, (tuple, str)) else tuple(values)
    return _shared_repairer(**options)


@lru_cache(maxsize=32)
def _shared_repairer(**options) -> Repairer:
    return Repairer(config_of(options))
