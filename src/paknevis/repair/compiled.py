"""Is repair running compiled (setup.py builds the ZWNJ step and some of the steps with
mypyc), and from the sources beside it?

A compiled module is imported before its ``.py``: in a checkout installed with ``pip
install -e .``, a source edited after the build would be ignored without a word. The build
leaves the md5 of each source it compiled (``compiled-sources.json``, by its path in the
package); a module that no longer matches stops the import, with what to do. (Reading
them costs about 0.5 ms, once.)
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

STAMP = "compiled-sources.json"
#: the package's directory, which the stamp's paths are in
PACKAGE = Path(__file__).parents[1]


def is_compiled() -> bool:
    """Are the compiled modules (the ZWNJ step's, and some steps') the ones imported?"""
    from .zwnj import restorer

    return not restorer.__file__.endswith(".py")


def compiled_sources(package: Path = PACKAGE) -> dict[str, str]:
    """The md5 of each source the build compiled, by its path in the package ({} if none)."""
    try:
        return json.loads((package / "repair" / STAMP).read_text())
    except (OSError, ValueError):
        return {}


def check_build(package: Path = PACKAGE) -> None:
    """Raise ImportError if a compiled module was built from another source than the one
    beside it. (No stamp, or no source, as where only the compiled modules are installed:
    nothing to check.)"""
    if not is_compiled():
        return
    for name, digest in compiled_sources(package).items():
        source = package / name
        if source.exists() and hashlib.md5(source.read_bytes()).hexdigest() != digest:
            raise ImportError(
                f"paknevis: {source} changed after its module was compiled (mypyc, setup.py): "
                "build again with `pip install -e .` (with PAKNEVIS_PURE_PYTHON=1, to run the "
                "compiled modules in Python)")
