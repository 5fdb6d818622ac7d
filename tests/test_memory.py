"""Importing paknevis and fixing one post stays under 150 MB (measured in a fresh process)."""
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "blogger-post.txt"


def test_import_and_fix_one_post_under_150_mb():
    # VmHWM (peak RSS of this process image), not ru_maxrss: on Linux the latter keeps the
    # parent's peak across fork+exec, and the pytest parent has the tables loaded.
    code = (f"import paknevis; paknevis.fix(open({str(SAMPLE)!r}, encoding='utf-8').read()); "
            "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True,
                         timeout=300)
    rss_mb = int(out.stdout) / 1024  # kB
    assert rss_mb < 150, f"{rss_mb:.0f} MB"


def test_fix_alone_loads_no_document_or_date_parts():
    # they load on first use (paknevis.parse): trafilatura alone took 0.15 s and 16 MB; and
    # pyarrow with the first Parquet file
    code = ("import sys, paknevis; paknevis.fix('سلام'); "
            "parts = ('trafilatura', 'jdatetime', 'pyarrow', 'paknevis.documents'); "
            "print(sorted(m for m in parts if m in sys.modules)); "
            "paknevis.parse; print('paknevis.documents' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True,
                         timeout=300)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]


def test_a_text_post_loads_no_html_readers():
    # trafilatura and lxml (0.1 s to import) load with the first page: a run over text or
    # JSONL never needs them
    code = ("import sys, paknevis; paknevis.parse('عنوان\\n\\nمتن خبر'); "
            "print(sorted(m for m in ('trafilatura', 'lxml') if m in sys.modules)); "
            "paknevis.parse('<html><body><p>متن خبر</p></body></html>'); print('trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True,
                         timeout=300)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
