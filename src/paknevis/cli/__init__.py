"""The ``paknevis`` command line: the app and what its commands share (:mod:`.app`), and
the commands, each module's registered on the app as it is imported, in the order
``--help`` lists them: :mod:`.fix` (fix, rules), :mod:`.records` (parse, process),
:mod:`.archive` (index, search, serve)."""
from .app import app  # noqa: I001  (the commands in this order: see above)
from . import fix, records, archive  # noqa: F401

__all__ = ["app"]
