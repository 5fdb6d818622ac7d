"""pytest collects the doctests of the package's modules (pyproject: --doctest-modules).
A module that setup.py compiled with mypyc is imported from its extension, beside which
pytest cannot collect the ``.py``: tests/test_compiled.py runs those doctests against the
compiled module."""
from pathlib import Path

EXTENSIONS = (".so", ".pyd")


def compiled(path: Path) -> bool:
    """Is the module ``path`` (a .py) built as an extension beside it?"""
    return path.suffix == ".py" and any(
        p.name.startswith(path.stem + ".") and p.suffix in EXTENSIONS for p in path.parent.iterdir())


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    return True if compiled(collection_path) else None
