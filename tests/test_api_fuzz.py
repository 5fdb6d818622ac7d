"""The API fuzzed from its own OpenAPI schema (schemathesis): no input gives a 500."""
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from paknevis import parse  # noqa: E402
from paknevis.store import SqliteStore  # noqa: E402
from paknevis.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
_db = Path(tempfile.mkdtemp()) / "archive.db"
_store = SqliteStore(_db)
_store.index([parse((ROOT / "examples" / "blogger-post.txt").read_text(encoding="utf-8")).to_dict()])
_store.close()
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_db))


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
