"""The writer's habit: what the edits a line needs show of how its writer types ZWNJs,
and the ambiguous edits it settles. A line is judged on its own evidence (restorer.py):
the next may be another writer's, in a corpus of a document or a sentence a line.

A compound of free words typed apart is joined where the writer types ZWNJs as spaces, not
where they type them; a plural glued by a writer who types ZWNJs was glued on purpose:

>>> from paknevis import fix
>>> fix("نخست وزیر می گوید"), fix("نخست وزیر می\u200cگوید")
('نخست\u200cوزیر می\u200cگوید', 'نخست وزیر می\u200cگوید')
>>> fix("کتابها را می\u200cخواند"), fix("کتابها را میخواند")
('کتابها را می\u200cخواند', 'کتاب\u200cها را می\u200cخواند')
"""
from __future__ import annotations

import re

from ..chars import WORD_CHARS, ZWNJ
from ..edits import Edit

#: Edits that show a writer who types a ZWNJ as a space (می شود، کتاب ها; not the ezafe
#: typed apart after ه, خانه ی, which writers who type ZWNJs type as well) ...
_SPACED_WRITER = frozenset(("zwnj.join_prefix_mi", "zwnj.join_suffix", "zwnj.join_prefix_bi",
                            "zwnj.join_bound"))
#: ... beyond doubt (the rules that never err on the dev sets) ...
_TYPES_SPACES = frozenset(("zwnj.join_prefix_mi", "zwnj.join_suffix"))
#: ... and edits that show one who drops it (میشود، کتابها).
_GLUED_WRITER = frozenset(("zwnj.word", "zwnj.prefix_mi", "zwnj.suffix", "zwnj.compound"))
#: Joins of free words (نخست وزیر، انجام شده در), which a writer may well type apart.
FREE_COMPOUND = frozenset(("zwnj.join_compound", "zwnj.join_participle"))


def follow_the_writers_habit(text: str, edits: list[Edit], start: int, end: int) -> list[Edit]:
    """Let the writer's habit, as the line ``text[start:end]`` that ``edits`` are in shows
    it, settle two ambiguous cases.

    * A compound of free words written apart (نخست وزیر) is joined only where the writer
      types ZWNJs as spaces: in a line that uses ZWNJs, or drops them, the space is the
      writer's choice (CV on the dev sets: glued-text precision 0.949 -> 0.956).
    * Where the writer types ZWNJs, as ZWNJs or as spaces, a word they wrote glued
      (کتابها، مهمترین، سیتیزن، بهنام) was written glued on purpose, and stays so; only
      می/نمی glued to a verb is split, as the standard never writes it glued (spaced-text
      precision 0.947 -> 0.969; on varzesh3 and Fars News this keeps names and loanwords
      whole). Only a line that shows no ZWNJ at all, as scrapers leave it, has its glued
      words split, also where some ZWNJs were typed as spaces, if a final ه glued to the
      next letter shows the others were deleted (``_shows_deleted_zwnjs``). A ZWNJ that this
      very step put in counts as the writer's, so that a second pass agrees with the first.
    """
    # What the line's edits show, in one pass (the habit is asked of each line of a text).
    # The evidence of a writer who types ZWNJs as spaces is a join that left a ZWNJ; one
    # that left none (دیوار ها -> دیوارها, after a letter that never joins) is none, as a
    # second pass could not see it and would settle the line the other way.
    glued = free = spaced = types_spaces = False
    for e in edits:
        rule = e.rule
        if rule in _GLUED_WRITER:
            glued = True
        elif rule in FREE_COMPOUND:
            free = True
        elif rule in _SPACED_WRITER and e.new:
            spaced = True
            types_spaces = types_spaces or rule in _TYPES_SPACES
    # The two are settled apart: a compound in the line must not change what happens to
    # its glued words (``نخست وزیر`` beside ``کتاب‌های`` once let ``کتابها`` be split).
    if free and not spaced and (glued or text.find(ZWNJ, start, end) >= 0):
        edits = [e for e in edits if e.rule not in FREE_COMPOUND]
    if glued and (types_spaces and not _shows_deleted_zwnjs(text, edits, start, end)
                  or _types_zwnjs(text, edits, start, end)):
        edits = [e for e in edits if e.rule not in _GLUED_WRITER or _splits_mi(e.new)]
    return edits


def _types_zwnjs(text: str, edits: list[Edit], start: int, end: int) -> bool:
    """Does the line show a writer who types ZWNJs? It has more ZWNJs than verbs with می
    glued to them (میشود): one who types ZWNJs types them after می first. As many or fewer
    are strays that a scraper's deletion missed (an LRM typed for a ZWNJ, which the letter
    step makes one: 18 of the Fars News articles; of the web texts with their ZWNJs
    deleted, the 17 left with as many ZWNJs as such verbs had been published with them)."""
    zwnjs = text.count(ZWNJ, start, end)  # (none, as in text a scraper stripped: no edit to count)
    return zwnjs > 0 and zwnjs > sum(1 for e in edits if e.rule in _GLUED_WRITER and _splits_mi(e.new))


def _shows_deleted_zwnjs(text: str, edits: list[Edit], start: int, end: int) -> bool:
    """Does a line with no ZWNJ show that its ZWNJs were deleted, not typed as spaces? A
    final ه glued to the next letter (برنامههای، هستهای، سرمایهگذاری) takes its middle
    form, which no writer types, but a scraper that drops ZWNJs leaves. (Not so a word of
    two letters glued to the next: بهنام is a name, and بهعنوان a writer's habit.) Such a
    line mixes the two (Fars News with its ZWNJs deleted: می شود beside برنامههای), and
    its glued words are repaired as in a line that shows no space typed for a ZWNJ."""
    return text.find(ZWNJ, start, end) < 0 and any(
        e.rule in _GLUED_WRITER and _HEH_GLUED.search(e.new) for e in edits)


#: a ZWNJ after a final ه with two more characters of the word before it (not به، نه، که)
_HEH_GLUED = re.compile(f"[{WORD_CHARS}]{{2}}\u0647\u200c")


def _splits_mi(word: str) -> bool:
    """Is ``word`` a verb whose only ZWNJ follows the prefix می/نمی (می‌شود)?"""
    return word.startswith(("می\u200c", "نمی\u200c")) and word.count(ZWNJ) == 1
