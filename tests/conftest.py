from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_post() -> str:
    return (ROOT / "examples" / "blogger-post.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_post_fixed() -> str:
    return (ROOT / "tests" / "data" / "blogger-post.fixed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def farsnews_texts() -> list[str]:
    """The first 300 Fars News articles as published (title, abstract, paragraphs)."""
    import itertools
    import json

    path = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"
    if not path.exists():
        pytest.skip("needs ../shared/data")
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in itertools.islice(f, 300)]
    return ["\n".join([d["title"], d["abstract"], *d["paragraphs"]]) for d in docs]


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL of our own for the tests: $PAKNEVIS_TEST_PG, or one started here from
    Debian's postgresql package, on a Unix socket only (no TCP port), removed at the end."""
    import glob
    import os
    import shutil
    import subprocess

    if os.environ.get("PAKNEVIS_TEST_PG"):
        yield os.environ["PAKNEVIS_TEST_PG"]
        return
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins or not shutil.which("su"):
        pytest.skip("no PostgreSQL server installed (apt-get install postgresql)")
    bindir = Path(bins[-1]).parent
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="paknevis-pg-"))  # not under pytest's root-only dirs
    (base / "sock").mkdir()
    shutil.chown(base, "postgres")
    shutil.chown(base / "sock", "postgres")
    run_as = ["su", "postgres", "-s", "/bin/sh", "-c"]
    # (every call with a timeout: a server that will not start or stop fails the tests
    # that need it, and never leaves the suite waiting)
    subprocess.run(run_as + [f"{bindir}/initdb -D {base}/data -A trust -U postgres -E UTF8 >/dev/null"],
                   check=True, timeout=300)
    subprocess.run(run_as + [f"{bindir}/pg_ctl -D {base}/data -l {base}/log -w -t 120 -o "
                             f"\"-k {base}/sock -c listen_addresses=''\" start >/dev/null"], check=True,
                   timeout=300)
    try:
        yield f"postgresql:///postgres?host={base}/sock&user=postgres"
    finally:
        try:
            subprocess.run(run_as + [f"{bindir}/pg_ctl -D {base}/data -m immediate -t 60 stop >/dev/null"],
                           timeout=120)
        except subprocess.TimeoutExpired:
            pass  # (its files go below all the same; the server dies with the container)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def postgres_url(postgres_server):
    """A fresh, empty database on the test server."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_server.replace("/postgres?", f"/{name}?")
