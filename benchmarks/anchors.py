"""The other Persian normalizers, as ``str -> str`` functions, where they are installed.

hazm and shekar 1.x cannot share an environment (their numpy pins conflict), so the
benchmarks run twice: ``pip install -e '.[bench]'`` (hazm, parsivar) and, in a second
venv, ``pip install -e '.[bench-shekar]'`` (shekar, python-negar). paknevis is measured
in both runs, so every ratio compares systems measured in the same run.
"""
from __future__ import annotations


def anchor_fixers() -> dict:
    fixers = {}
    try:
        from hazm import Normalizer
        fixers["hazm"] = Normalizer().normalize
    except ImportError:
        pass
    try:
        from parsivar import Normalizer as ParsivarNormalizer
        fixers["parsivar"] = ParsivarNormalizer().normalize
    except ImportError:
        pass
    try:
        import shekar
        from shekar import Normalizer as ShekarNormalizer
        if int(shekar.__version__.split(".")[0]) >= 1:  # 0.x does not restore ZWNJ
            fixers["shekar"] = ShekarNormalizer()
    except (ImportError, AttributeError):
        pass
    try:
        from negar.virastar import PersianEditor
        fixers["negar"] = lambda text: PersianEditor(text).cleanup()
    except ImportError:
        pass
    return fixers
