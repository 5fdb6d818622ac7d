"""Is the ZWNJ step running compiled (setup.py builds its modules with mypyc), and from
the sources beside it?

A compiled module is imported before its ``.py``: in a checkout installed with ``pip
install -e .``, a source edited after the build would be ignored without a word. The build
leaves the md5 of each source it compiled (``compiled-sources.json``); a module that no
longer matches stops the import, with what to do. (Reading them costs about 0.3 ms, once.)
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

STAMP = "compiled-sources.json"


def is_compiled() -> bool:
    """Are the ZWNJ step's modules the compiled ones?"""
    from . import restorer

    return not restorer.__file__.endswith(".py")


def check_build(here: Path = Path(__file__).parent) -> None:
    """Raise ImportError if a compiled module was built from another source than the one
    beside it. (No stamp, or no source, as where only the compiled modules are installed:
    nothing to check.)"""
    if not is_compiled():
        return
    try:
        built: dict[str, str] = json.loads((here / STAMP).read_text())
    except (OSError, ValueError):
        return
    for name, digest in built.items():
        source = here / name
        if source.exists() and hashlib.md5(source.read_bytes()).hexdigest() != digest:
            raise ImportError(
                f"paknevis: {source} changed after its module was compiled (mypyc, setup.py): "
                f"build it again with `pip install -e .`, or delete {here}/*.so to run it in Python")
