"""The same per-document work, run by Ray Data on a local Ray or an existing cluster.

Optional: ``pip install 'paknevis[ray]'``. Items go to Ray in chunks (so the driver never
holds the whole corpus), each chunk is a Dataset mapped with ``map_batches`` over
:func:`paknevis.corpus.run.process_one`, with input order preserved: the output is the
local engine's, line for line.
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from itertools import islice

from ..repair import RepairOptions
from .inputs import Item
from .run import DumpFields, process_one

CHUNK = 4096  # items per Dataset
BATCH = 64  # items per map_batches call

def _process_batch(batch: dict, dump_fields: DumpFields, max_bytes: int, repair: RepairOptions) -> dict:
    ok, lines = [], []
    for blob in batch["item"]:
        # items travel pickled in one bytes column: Arrow would turn a column's missing
        # values into NaN floats, and an Item has optional fields
        good, line, _ = process_one(pickle.loads(blob), dump_fields, max_bytes, repair)
        ok.append(good)
        lines.append(line)
    return {"ok": ok, "line": lines}


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def ray_results(items: Iterable[Item], *, workers: int, dump_fields: DumpFields, max_bytes: int,
                address: str | None = None, repair: RepairOptions | None = None,
                ) -> Iterator[tuple[bool, bytes, None]]:
    try:  # (ray.data too: Ray's session folder, /tmp/ray, imports as an empty "ray" from /tmp)
        import ray
        import ray.data
    except ImportError:
        raise RuntimeError("--engine ray needs Ray: pip install 'paknevis[ray]'") from None
    started = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:  # a Ray of our own, on this machine only
            ray.init(address="local", num_cpus=workers, include_dashboard=False,
                     _node_ip_address="127.0.0.1", log_to_driver=False)
        started = True
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    try:
        for chunk in _chunks(items):
            rows = ray.data.from_items([{"item": pickle.dumps(item)} for item in chunk])
            # (Ray's annotations leave out fn_kwargs: the function takes the batch alone)
            done = rows.map_batches(_process_batch, batch_size=BATCH,  # type: ignore[arg-type]
                                    batch_format="numpy",
                                    fn_kwargs={"dump_fields": dump_fields, "max_bytes": max_bytes,
                                               "repair": repair or {}})
            for row in done.iter_rows():
                yield bool(row["ok"]), bytes(row["line"]), None  # signatures: made in the dedup pass
    finally:
        if started:
            ray.shutdown()
