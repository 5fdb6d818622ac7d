"""ZWNJ (half-space, U+200C): put back the ones that were lost, take out the wrong ones.

Large Persian web corpora lose their ZWNJs in two ways: deleted (``بینالمللی``, ``میشود``)
or typed as a space (``می شود``, ``کتاب ها``). Restoring them decides, for each word and
each pair of neighbouring words, between three writings: glued, half-space, or apart.

The decision comes from data, in this order:

1. a word table learned from edited text (``scripts/build_zwnj_lexicon.py``), which knows
   how each word is written (``بین‌المللی``, but ``تنها``, ``همواره``, ``بیشتر`` glued);
2. for words the table does not know, Persian morphology over known stems: the verb prefix
   می/نمی before a known verb form, the plural ها/های, the comparative تر/ترین, clitics
   (ای، ام، اند، شان…) after a final ه that is a vowel (not the h of راه، دانشگاه), and a
   known compound under an ending written glued (سرمایه‌داران); an ezafe on a final ه
   (واژه‌نامهٔ) is no part of the word;
3. for two words apart, the same rules and table decide whether the space is a lost ZWNJ;
   pairs that edited text writes apart (``به رسمیت``, ``سال گذشته``) stay apart.

A ZWNJ already in the text is kept where it is right, and removed where it does nothing
or is wrong: after letters that never join (ا د ذ ر ز ژ و), doubled, or at a word's edge.

>>> from paknevis import fix
>>> fix("استقبال بینالمللی که میشود و منطقهای")
'استقبال بین\u200cالمللی که می\u200cشود و منطقه\u200cای'
>>> fix("کتاب ها را می خواند")
'کتاب\u200cها را می\u200cخواند'
>>> fix("به رسمیت شناختن، تنها راه")
'به رسمیت شناختن، تنها راه'
"""
from .lexicon import Lexicon, without_ezafe
from .morphology import CLITICS_AFTER_HEH, EZAFE_YEH, PRESENT_ENDINGS, SUFFIXES_HA, SUFFIXES_TAR
from .restorer import ZwnjRestorer, ZwnjStep
from .words import WordWriter
from .wrong import WrongZwnjStep, wrong_zwnj_step

__all__ = ["CLITICS_AFTER_HEH", "EZAFE_YEH", "PRESENT_ENDINGS", "SUFFIXES_HA", "SUFFIXES_TAR",
           "Lexicon", "WordWriter", "WrongZwnjStep", "ZwnjRestorer", "ZwnjStep", "without_ezafe",
           "wrong_zwnj_step"]
