"""What each rule means: the name an edit gives (``Edit.rule``, the ``rule`` of ``paknevis fix
--explain`` and ``--check``), what it mends, and an example. Where one edit took in another's
text, its rule names both, joined by ``+`` (``letters.arabic_kaf+zwnj.word``).

Each example is repaired by tests/test_rules.py, which holds it to give its ``after`` by an
edit of its rule, and every rule that repair gives to be here. ``paknevis rules`` prints them.

>>> [rule.name for rule in rules_of("letters.arabic_kaf+zwnj.word")]
['letters.arabic_kaf', 'zwnj.word']
"""
from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    name: str
    what: str  # what it mends, and what it leaves
    before: str  # an example ...
    after: str  # ... as repair writes it
    options: tuple[tuple[str, str], ...] = ()  # the options it needs (as fix takes them)


_Z = "\u200c"  # ZWNJ
RULES: dict[str, Rule] = {rule.name: rule for rule in (
    # letters.py, entities.py, mojibake.py, harakat.py
    Rule("letters.arabic_yeh", "Arabic yeh and alef maksura (ي ى) as the Persian yeh (ی)", "علي", "علی"),
    Rule("letters.arabic_kaf", "the Arabic kaf (ك) as the Persian kaf (ک)", "كتاب", "کتاب"),
    Rule("letters.decomposed", "a letter typed as its base and a mark, as text in Unicode's decomposed "
         "form (NFD) has آ ئ ؤ أ إ ۀ, as the one letter", "مسي\u0654له", "مسئله"),
    Rule("letters.heh", "the heh of Urdu and Kurdish (ھ ہ ە) as Persian's (ه), in Persian text",
         "ھمه", "همه"),
    Rule("letters.presentation_form", "Arabic presentation forms, of old fonts and PDFs, as the letters "
         "they stand for", "ﻣﺎ", "ما"),
    Rule("letters.kashida", "the kashida (ـ) that stretches a word; not one that stands for a dash "
         "(تهران ـ ایرنا)", "بســیار", "بسیار"),
    Rule("letters.diacritic", "a haraka outside a vocalized passage (every one is kept with "
         "keep_diacritics; the tanvin of حتماً stays)", "کِتاب", "کتاب"),
    Rule("letters.tanvin_on_alef", "the tanvin typed after the alef, on it, as the Academy writes it",
         "حتمًا", "حتماً"),
    Rule("letters.bidi_mark", "an LRM, RLM or Arabic letter mark between two letters: the ZWNJ it was "
         "typed for", "به\u200eدلیل", f"به{_Z}دلیل"),
    Rule("letters.bidi_control", "a bidi embedding, override or isolate inside a word, which breaks it",
         "کتا\u202bب", "کتاب"),
    Rule("letters.zero_width_space", "a zero-width space between two letters: the ZWNJ it stands for",
         "کتاب\u200bها", f"کتاب{_Z}ها"),
    Rule("letters.zero_width_joiner", "a zero-width joiner inside a word (not in an emoji)",
         "وی\u200dژه", "ویژه"),
    Rule("letters.soft_hyphen", "a soft hyphen between two letters, Word's optional hyphen typed for a "
         "ZWNJ", "سال\u00adهای", f"سال{_Z}های"),
    Rule("letters.invisible", "another invisible character inside a word: a soft hyphen beside a "
         "ZWNJ, a byte-order mark", f"پژوهش{_Z}\u00adهای", f"پژوهش{_Z}های"),
    Rule("letters.html_entity", "an HTML character reference that a scraper left (not in a line that "
         "holds markup)", "می&zwnj;شود", f"می{_Z}شود"),
    Rule("letters.mojibake", "text garbled by a wrong encoding: UTF-8 read as Windows-1256, "
         "Windows-1252 or Latin-1, Windows-1256 read as Windows-1252", "ط³ظ„ط§ظ…", "سلام"),
    # digits.py
    Rule("digits.arabic_indic", "Arabic-Indic digits (٠ to ٩) as Persian ones", "٥٠ هزار", "۵۰ هزار"),
    Rule("digits.persian", "Latin digits in Persian text as Persian ones (digits='persian', the "
         "default); not in URLs, e-mail addresses, handles or Latin words", "تظاهرات 8 فوریه",
         "تظاهرات ۸ فوریه"),
    Rule("digits.latin", "Persian digits in Persian text as Latin ones (digits='latin')",
         "تظاهرات ۸ فوریه", "تظاهرات 8 فوریه", (("digits", "latin"),)),
    Rule("digits.separator", "a number's decimal point and thousands comma as Persian's ٫ and ٬ (not "
         "in a date, a version or a time)", "۹۹.۹۹ درصد", "۹۹٫۹۹ درصد"),
    Rule("digits.percent", "the percent sign after a number in Persian text as Persian's ٪",
         "حدود ۵% از", "حدود ۵٪ از"),
    # punctuation.py
    Rule("punctuation.persian", "a Latin , ; ? typed after a Persian word as Persian's ، ؛ ؟",
         "چرا?", "چرا؟"),
    Rule("punctuation.guillemets", "straight or curly quotes around Persian text as « », where a "
         "line's quotes pair up", 'به گزارش "ورزش سه"', "به گزارش «ورزش سه»"),
    # spacing.py
    Rule("spacing.odd_space", "a no-break space or another odd space as a space", "سلام\u00a0دنیا",
         "سلام دنیا"),
    Rule("spacing.run", "a run of spaces as one", "سلام  دنیا", "سلام دنیا"),
    Rule("spacing.trailing", "spaces at the end of a line", "سلام \nدنیا", "سلام\nدنیا"),
    Rule("spacing.before_punctuation", "a space before ، ؛ : . ! ؟", "صادر ، معاوضه", "صادر، معاوضه"),
    Rule("spacing.after_punctuation", "a space missing after ، ؛ : . ! ؟ (not in an abbreviation, a "
         "number or a time)", "گفت:پیرو", "گفت: پیرو"),
    Rule("spacing.after_opening", "a space after an opening bracket or quote", "گفت: « سلام»",
         "گفت: «سلام»"),
    Rule("spacing.before_opening", "a space missing before an opening quote or bracket glued to a word "
         "(moved there from after a bracket: من( فردوسی; not علی(ع))", "گفت«سلام»", "گفت «سلام»"),
    Rule("spacing.after_closing", "a space missing after a closing bracket or quote glued to a word",
         "رهبری (مدظله)آموزش", "رهبری (مدظله) آموزش"),
    Rule("spacing.number", "a space missing between a number and a word", "۴۰۰بسته", "۴۰۰ بسته"),
    # handles.py
    Rule("handles.bidi_handle", "an @handle that bidi reordering turned around", "توئیتر BaharIran@ 7",
         "توئیتر @BaharIran7"),
    Rule("handles.spaced_handle", "an @ typed apart from its handle", "سلام @ BaharIran7",
         "سلام @BaharIran7"),
    Rule("handles.spaced_hashtag", "a # typed apart from its tag (not a heading's #)", "🍏# مجاهدین_خلق",
         "🍏#مجاهدین_خلق"),
    Rule("handles.glued_tag", "an @handle or #hashtag typed against the word before it",
         "ایران#آزادی", "ایران #آزادی"),
    # zwnj/: a glued word
    Rule("zwnj.word", "a word written as the word table writes it", "بینالمللی", f"بین{_Z}المللی"),
    Rule("zwnj.prefix_mi", "می or نمی glued to a verb that the table does not know", "میراندی",
         f"می{_Z}راندی"),
    Rule("zwnj.suffix", "a plural, comparative or clitic glued to a word that the table knows",
         "نانولولههای", f"نانولوله{_Z}های"),
    Rule("zwnj.compound", "a compound or name of known words that the table does not know",
         "نقطهبهنقطه", f"نقطه{_Z}به{_Z}نقطه"),
    # zwnj/: two words typed apart
    Rule("zwnj.join_prefix_mi", "می or نمی typed apart from its verb", "می شود", f"می{_Z}شود"),
    Rule("zwnj.join_suffix", "a plural, comparative or clitic typed apart from its word",
         "کتاب ها", f"کتاب{_Z}ها"),
    Rule("zwnj.join_bound", "a compound typed apart, one of whose parts hardly stands alone",
         "بین المللی", f"بین{_Z}المللی"),
    Rule("zwnj.join_compound", "a compound of two words typed apart, written with a ZWNJ where the "
         "writer types ZWNJs as spaces", "نرم افزار", f"نرم{_Z}افزار"),
    Rule("zwnj.join_participle", "a word and شده typed apart, an adjective by what follows it",
         "منابع جذب شده در روستا", f"منابع جذب{_Z}شده در روستا"),
    Rule("zwnj.join_prefix_bi", "بی typed apart from the word it makes", "بی نتیجه", f"بی{_Z}نتیجه"),
    Rule("zwnj.join_ezafe", "the ezafe ی typed apart after a word in ه", "فلسفه ی وجودی",
         f"فلسفه{_Z}ی وجودی"),
    Rule("zwnj.join_preverb", "a preverb typed apart from its verb with می, glued as the Academy writes "
         "it", f"باز می{_Z}گردد", f"بازمی{_Z}گردد"),
    # zwnj/: a ZWNJ too many
    Rule("zwnj.wrong_place", "a ZWNJ that does nothing or harm: after a letter that never joins, at a "
         "word's edge", f"گفت: {_Z}آمریکا", "گفت: آمریکا"),
    Rule("zwnj.doubled", "two or more ZWNJs in a row, as one", f"شهرداری{_Z}{_Z}ها", f"شهرداری{_Z}ها"),
)}


def rules_of(name: str) -> list[Rule]:
    """The rules an edit's ``name`` gives (one, or several joined by ``+``); a family
    (``zwnj``) gives all of its rules. A ``KeyError`` names one that is none of these."""
    found: list[Rule] = []
    for part in name.split("+"):
        if part in RULES:
            found.append(RULES[part])
        elif family := [rule for key, rule in RULES.items() if key.startswith(part + ".")]:
            found += family
        else:
            raise KeyError(part)
    return found
