"""The archive over HTTP: a JSON API (described by its OpenAPI schema) and a Persian page.

Records come from the open web, so every value is escaped: templates autoescape, and the
only markup added to record text is the <mark> of a highlight, put in after escaping.
"""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..dates.calendars import JALALI, parse_day, year_interval
from ..repair import fix_and_explain
from ..store import Filters, QueryError, open_store
from ..store.query import lead

_templates = Environment(loader=PackageLoader("paknevis.web", "templates"),
                         autoescape=select_autoescape(["html"]))


def highlight(snippet: str) -> Markup:
    """Escape a snippet, then turn its [[…]] marks into <mark>."""
    safe = str(escape(snippet))
    return Markup(safe.replace("[[", "<mark>").replace("]]", "</mark>"))


def marked(text: str) -> tuple[Markup, Markup]:
    """The raw text and its repair, each escaped, with every edit marked (del / ins)."""
    _, edits = fix_and_explain(text)
    raw, fixed, pos = [], [], 0
    for e in edits:
        same = escape(text[pos:e.start])
        raw += [same, Markup('<del title="{}">{}</del>').format(e.rule, e.old or "\u2038")]
        fixed += [same, Markup('<ins title="{}">{}</ins>').format(e.rule, e.new or "\u2038")]
        pos = e.end
    tail = escape(text[pos:])
    return Markup("").join(raw + [tail]), Markup("").join(fixed + [tail])


def create_app(db_path: str | Path) -> FastAPI:
    app = FastAPI(title="paknevis archive", version="0.1.0",
                  description="Search Persian posts however a word was typed.")
    local = threading.local()  # one store per server thread (SQLite connections are not shared)

    def db():
        if not hasattr(local, "store"):
            local.store = open_store(str(db_path))
        return local.store

    def filters(since, until, source, hashtag, name) -> Filters:
        try:
            return Filters(parse_day(since) if since else None, parse_day(until) if until else None,
                           source or None, hashtag or None, name or None)
        except ValueError as e:
            raise HTTPException(400, str(e)) from None

    @app.get("/api/search", summary="Records matching a query, best first")
    def api_search(q: str = Query(..., min_length=1, max_length=500), since: str | None = None,
                   until: str | None = None, source: str | None = None,
                   hashtag: str | None = None, name: str | None = Query(None, max_length=200),
                   limit: int = Query(20, ge=1, le=100)) -> dict:
        f = filters(since, until, source, hashtag, name)
        try:
            hits = db().search(q, f, limit=limit)
        except QueryError as e:
            raise HTTPException(400, str(e)) from None
        return {"query": q, "hits": [h.__dict__ for h in hits]}

    @app.get("/api/facets", summary="Counts of the matching records by facet")
    def api_facets(q: str = Query(..., min_length=1, max_length=500), since: str | None = None,
                   until: str | None = None, source: str | None = None,
                   hashtag: str | None = None, name: str | None = Query(None, max_length=200)) -> dict:
        try:
            return db().facets(q, filters(since, until, source, hashtag, name))
        except QueryError as e:
            raise HTTPException(400, str(e)) from None

    @app.get("/api/records/{record_id}", summary="One record")
    def api_record(record_id: str) -> dict:
        rec = db().record(record_id)
        if rec is None:
            raise HTTPException(404, "no such record")
        return rec

    @app.get("/api/clusters/{cluster_id}", summary="The copies of one article")
    def api_cluster(cluster_id: str) -> dict:
        return {"cluster": cluster_id, "records": db().cluster(cluster_id)}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(request: Request, q: str = "", since: str = "", until: str = "", source: str = "",
             hashtag: str = "", name: str = Query("", max_length=200)) -> str:
        error, hits, facet = None, [], {}
        if q.strip():
            try:
                f = filters(since, until, source, hashtag, name)
                hits = db().search(q, f, limit=30)
                facet = db().facets(q, f)
            except (QueryError, HTTPException) as e:
                error = getattr(e, "detail", None) or str(e)
        for year in facet.get("jalali_year", []):  # a year's link is its exact date range
            year["since"], year["until"] = year_interval(JALALI, int(year["value"])).split("/")
        months = facet.get("jalali_month", [])
        peak = max((m["count"] for m in months), default=1)
        return _templates.get_template("search.html").render(
            q=q, since=since, until=until, source=source, hashtag=hashtag, name=name, error=error,
            hits=[(h, highlight(h.snippet)) for h in hits], facets=facet, months=months,
            peak=peak)

    @app.get("/record/{record_id}", response_class=HTMLResponse, include_in_schema=False)
    def record_page(record_id: str) -> str:
        rec = db().record(record_id)
        if rec is None:
            raise HTTPException(404, "no such record")
        raw, fixed = marked(rec.get("raw_text") or "")
        copies = [c for c in db().cluster(rec.get("dup_cluster") or "") if c["id"] != rec["id"]]
        heading = lead(rec.get("title"), rec.get("text") or "")
        # each name once, with the words it was first written in: its link searches those
        # (سازمان ملل finds the text; its usual form, سازمان ملل متحد, may not be in it)
        names: dict[str, str] = {}
        for e in rec.get("entities") or []:
            names.setdefault(e["value"], e["text"])
        return _templates.get_template("record.html").render(
            rec=rec, heading=heading, raw=raw, fixed=fixed, copies=copies, names=list(names.items()))

    return app
