"""Which language an Arabic-script (or Latin) text is in: fa, ar, ur, ps, ckb, en, und.

Run it on the raw text: repair leaves lines in Urdu, Pashto and Sorani Kurdish alone, but
folds what Persian lines borrow from them (ھ ە) and Arabic's ي/ك. Each language is scored
by its own letters and its most common function words; no model, nothing to download.

>>> detect_language("این کتاب را دیروز خریدم و برای دوستم فرستادم.")
'fa'
>>> detect_language("ذهب الرجل إلى المدينة في الصباح الباكر مع أصدقائه.")
'ar'
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import chain, product

_LETTERS = {
    "ur": set("ےںٹڈڑۓہ"),
    "ps": set("ټډړږښګڼۍېځڅ"),
    "ckb": set("ێۆڵڕەڤ"),
    "ar": set("ةىإ"),
    "fa": set("پچژگ"),
}
_WORDS = {
    "fa": set("است این در را که از به با می نمی های برای شود بود شده کرد نیز آن یک هم اند".split()),
    "ar": set("في من على إلى عن التي الذي هذه هذا كان أن لا مع قد ذلك".split()),
    "ur": set("ہے کے کی میں اور سے کو نے ہیں یہ تھا پر".split()),
    "ps": set("د په او چې دی کې له ته هم یې وو".split()),
    "ckb": set("لە بە کە ئەو بۆ دە لەگەڵ ئەم بوو".split()),  # not و: Persian has it too
    "en": set("the and of to in is that for was on with as by it are".split()),
}
#: Languages whose text always shows letters of their own: their function words alone (کی،
#: پر، کو، اور are Persian words too) judge no text without one of those letters
_OWN_LETTERS_NEEDED = frozenset(("ur", "ps", "ckb"))
#: Arabic writes none of Persian's own letters: a text with one of them and none of Arabic's
#: (ة ى إ) is not Arabic, whichever Arabic function words it holds (من is Persian's "I")
_NOT_ARABIC = frozenset(_LETTERS["fa"])
_TOKEN = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 3


def _typed_with_arabic_letters(word: str) -> set[str]:
    """``word`` and each way of typing it with Arabic yeh and kaf (اين، كه): Persian is often
    typed so, and its function words are found however they were."""
    ways = [(ch, {"ی": "ي", "ک": "ك"}[ch]) if ch in "یک" else (ch,) for ch in word]
    return {"".join(way) for way in product(*ways)}


def _langs_of() -> dict[str, tuple[str, ...]]:
    """For each function word of an Arabic-script language, the languages it is one of."""
    out: dict[str, tuple[str, ...]] = {}
    for lang, markers in _WORDS.items():
        if lang == "en":
            continue
        for marker in markers:
            for word in _typed_with_arabic_letters(marker) if lang == "fa" else (marker,):
                out[word] = (*out.get(word, ()), lang)
    return out


#: (one pass over a text's words counts every language's function words)
_LANGS_OF = _langs_of()


def detect_language(text: str) -> str:
    """The language code of ``text``, 'und' when it is too short or unclear."""
    sample = text[:20000]
    words = _TOKEN.findall(sample)
    if len(words) < _MIN_WORDS:
        return "und"
    latin = sum(map(str.isascii, words))
    if latin > len(words) / 2:
        english = sum(w.lower() in _WORDS["en"] for w in words)
        return "en" if english >= max(1, len(words) // 20) else "und"
    hits = Counter(chain.from_iterable(filter(None, map(_LANGS_OF.get, words))))
    scores = {}
    for lang in _WORDS:
        if lang == "en":
            continue
        own = sum(sample.count(ch) for ch in _LETTERS.get(lang, ()))
        if lang in _OWN_LETTERS_NEEDED and not own:
            continue
        if lang == "ar" and not own and any(ch in sample for ch in _NOT_ARABIC):
            continue
        scores[lang] = hits[lang] + 2 * own / len(words)
    # Persian letters (پ چ ژ گ) also occur in Urdu, Pashto and Kurdish: they only break ties.
    best = max(scores, key=lambda k: (scores[k], k == "fa"))
    return best if scores[best] > 0 else "und"
