"""The C parts: the ZWNJ step's scan (src/paknevis/repair/_scan.c) and the search for runs
of characters from a set (_runs.c). Both are optional: where they cannot be built,
paknevis does the same in Python, slower (see zwnj/restorer.py and runs.py)."""
from setuptools import Extension, setup

setup(ext_modules=[Extension(f"paknevis.repair.{name}", [f"src/paknevis/repair/{name}.c"],
                             extra_compile_args=["-O2"], optional=True)
                   for name in ("_scan", "_runs")])
