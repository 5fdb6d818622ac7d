"""Every module of paknevis imports on its own, as the first import of a fresh interpreter.

Within one test session the packages are already loaded in some order, which hides an
import cycle: ``from paknevis.analyse import detect_language`` once failed alone
(analyse -> documents -> analyse), while every other test passed.
"""
import pkgutil
import subprocess
import sys

import pytest

import paknevis

# (__main__ runs the command; the optional extras, Ray and psycopg, are imported on use)
MODULES = sorted(m.name for m in pkgutil.walk_packages(paknevis.__path__, "paknevis.")
                 if not m.name.endswith("__main__"))


def test_the_list_is_the_package():
    assert {"paknevis.analyse", "paknevis.documents.assemble", "paknevis.web.app"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_imports_first(module):
    run = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]


def test_the_package_declares_its_types():
    """PEP 561: with py.typed shipped (pyproject's package-data), a user's type checker
    reads paknevis's annotations (fix -> str, Edit.start -> int) instead of skipping it."""
    from importlib.resources import files

    assert files("paknevis").joinpath("py.typed").is_file()


def test_the_options_fix_takes_are_the_config_fields():
    """``fix(text, **options)`` is typed by RepairOptions: it must name what RepairConfig has."""
    from dataclasses import fields

    from paknevis.repair.config import RepairConfig, RepairOptions

    assert set(RepairOptions.__annotations__) == {f.name for f in fields(RepairConfig)}
