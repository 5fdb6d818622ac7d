"""The one C part, the ZWNJ step's scan (src/paknevis/repair/_scan.c). It is optional: where
it cannot be built, paknevis runs the same scan in Python, slower (see zwnj.py)."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("paknevis.repair._scan", ["src/paknevis/repair/_scan.c"],
                             extra_compile_args=["-O2"], optional=True)])
