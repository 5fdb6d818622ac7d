"""Write the Word 97-2003 and RTF documents the tests read, from their sources beside them.

    python scripts/make_doc_fixtures.py     # needs LibreOffice (apt install libreoffice-writer-nogui)

Each flat OpenDocument text in tests/data/doc (``*.fodt``: what a document holds, written
by hand) is saved by LibreOffice as Word 97 (``soffice --convert-to 'doc:MS Word 97'``)
and as RTF, beside it. The files are committed: the tests do not need LibreOffice.
(``test-ole-file.doc`` there is olefile's test file, saved by Word: see NOTICE.)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "doc"


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice's soffice is not on the PATH (apt install libreoffice-writer-nogui)")
    sources = sorted(FIXTURES.glob("*.fodt"))
    for to, suffix in (("doc:MS Word 97", ".doc"), ("rtf", ".rtf")):
        subprocess.run([soffice, "--headless", "--convert-to", to, "--outdir", str(FIXTURES),
                        *map(str, sources)], check=True, capture_output=True)
        for source in sources:
            print(source.with_suffix(suffix))


if __name__ == "__main__":
    main()
