"""The dashboard's main pages: overview, dyad explorer, events table, event and article.

Each handler reads its state from the query string (so a URL is a shareable view and the back
button restores it), builds an ``EventQuery`` from it like the API does, and renders a template.
A bad value is shown on the page (status 400) naming the field, never a traceback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from dyadwatch.dashboard import data
from dyadwatch.dashboard.charts import dyad_chart, weekly_chart
from dyadwatch.dashboard.highlight import pieces, report_spans
from dyadwatch.dashboard.web import qs, render
from dyadwatch.errors import DyadwatchError, InvalidArgument, NotFound
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.query import EventQuery, whole_number
from dyadwatch.store.details import article_detail, event_detail, stats
from dyadwatch.watch.options import DEFAULT_PERIOD, SIGNALS
from dyadwatch.watch.series_sql import dyad_series_sql
from dyadwatch.watch.store_signals import whole_store_signals

if TYPE_CHECKING:
    import duckdb

router = APIRouter(include_in_schema=False)

FILTERS = (
    "source", "target", "dyad", "cameo", "quad_class", "plover_type", "plover_mode",
    "plover_context", "modality", "min_confidence", "min_sources", "min_mentions", "start",
    "end", "place_country", "place_admin1", "near", "language", "outlet", "text",
)  # fmt: skip
"""The query layer's filters, as the events form and URLs name them."""

PAGE_SIZE = 50


def query_from(request: Request, names: tuple[str, ...] = FILTERS, **renamed: str) -> EventQuery:
    """The ``EventQuery`` of the page's URL: blank form fields are no filter; ``renamed`` maps
    a filter to the URL parameter that carries it on this page (``plover_context="context"``)."""
    params: dict[str, list[str]] = {}
    for name in names:
        key = renamed.get(name, name)
        values = [v for v in request.query_params.getlist(key) if v.strip()]
        if values:
            params[name] = values
    return EventQuery.from_params(params)


@contextmanager
def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    with request.app.state.reader.cursor() as con:
        yield con


def page_or_error(
    request: Request, template: str, build: Callable[[], dict[str, Any]], **base: Any
) -> Response:
    """Render ``template`` with ``build()``; a dyadwatch error is shown on the same page."""
    try:
        context = build()
    except NotFound as exc:
        return render("error.html", 404, request=request, title="Not found", message=str(exc))
    except InvalidArgument as exc:
        return render(template, 400, request=request, error=str(exc), **base)
    except DyadwatchError as exc:
        return render("error.html", 503, request=request, title="Store unavailable",
                      message=str(exc))  # fmt: skip
    return render(template, request=request, **base, **context)


def int_param(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    return whole_number(name, request.query_params.get(name), default, lo, hi)


# -- overview -----------------------------------------------------------------------------------


@router.get("/")
def overview(request: Request) -> Response:
    def build() -> dict[str, Any]:
        with cursor(request) as con:
            totals = stats(con)
            weeks = data.weekly_quads(con)
            latest = data.sorted_page(con, EventQuery(), "date", True, 12)
            status = data.ingest_status(con)
        return {"totals": totals, "chart": weekly_chart(weeks), "latest": latest,
                "ingest": status}  # fmt: skip

    return page_or_error(request, "overview.html", build, page="overview")


# -- dyad explorer ------------------------------------------------------------------------------

MODALITIES = ("asserted", "hedged", "future", "negated")
MAX_PERIODS = 400


@router.get("/dyad")
def dyad(request: Request) -> Response:
    params = request.query_params
    a, b = params.get("a", "").strip().upper(), params.get("b", "").strip().upper()
    by = params.get("by", DEFAULT_PERIOD)
    contexts = sorted(load_ontology().plover_contexts())
    base = {"page": "dyad", "a": a, "b": b, "by": by, "contexts": contexts,
            "modalities": MODALITIES, "chosen": params.getlist("modality") or ["asserted"],
            "context": params.get("context", ""), "min_sources": params.get("min_sources", ""),
            "start": params.get("start", ""), "end": params.get("end", "")}  # fmt: skip

    def build() -> dict[str, Any]:
        if not a or not b:
            return {}
        if by not in ("day", "week", "month"):
            raise InvalidArgument("by", "day, week or month")
        q = query_from(request, ("modality", "plover_context", "min_sources", "start", "end"),
                       plover_context="context").replace(dyad=(a, b))  # fmt: skip
        selected = params.get("period", "").strip() or None
        with cursor(request) as con:
            rows = dyad_series_sql(con, q, by)
            if len(rows) > 3 * MAX_PERIODS:
                raise InvalidArgument(
                    "by", f"{len(rows) // 3} periods: choose a longer period or a date range"
                )
            listed: list[dict[str, Any]] = []
            chosen = _chosen_range(params.get("period", ""), params.get("window", ""), by)
            if chosen is not None:
                group = params.get("group", "")
                if group not in ("", "cooperation", "conflict"):
                    raise InvalidArgument("group", "cooperation or conflict")
                narrowed = q.replace(start=chosen[0], end=chosen[1])
                if group:
                    narrowed = narrowed.replace(quad_class=(1, 2) if group == "cooperation"
                                                else (3, 4))  # fmt: skip
                listed = data.sorted_page(con, narrowed, "date", False, 200)

        def href(start: str) -> str:
            return "/dyad" + qs(params, period=start, window=None, group=None) + "#period-events"

        charts = [(d, dyad_chart(rows, d, href, selected)) for d in ("ab", "ba")]
        return {"charts": charts, "rows": rows, "selected": selected,
                "listed": listed, "query": q, "chosen_range": chosen,
                "group": params.get("group", "")}  # fmt: skip

    return page_or_error(request, "dyad.html", build, **base)


def _chosen_range(period: str, window: str, by: str) -> tuple[date, date] | None:
    """The days whose events the dyad page lists: one period (``period=START``) or a signal's
    window (``window=START..END``)."""
    try:
        if window.strip():
            first, _, last = window.strip().partition("..")
            lo, hi = date.fromisoformat(first), date.fromisoformat(last)
            if hi < lo:
                raise InvalidArgument("window", "the window ends before it starts")
            return lo, hi
        if period.strip():
            return data.period_bounds(date.fromisoformat(period.strip()), by)
    except ValueError:
        raise InvalidArgument("window" if window.strip() else "period",
                              "expected YYYY-MM-DD (a window: START..END)") from None  # fmt: skip
    return None


def top_signals(con: duckdb.DuckDBPyConnection, by: str, top: int) -> list[dict[str, Any]]:
    """The strongest signals of the store over all events and over each context the store's
    events carry (a military cooperation rise can hide inside all cooperation), merged by
    p-value, without repeats."""

    def contexts() -> list[str]:
        rows = con.execute(
            "SELECT DISTINCT unnest(plover_context) AS c FROM events ORDER BY c"
        ).fetchall()
        return [str(r[0]) for r in rows if r[0]]

    stamp = con.execute("SELECT max(added_at), count(*) FROM events").fetchone()
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for context in [None, *data.cached(("contexts", stamp), contexts)]:
        chosen = (context,) if context else ()
        for s in signals_of(con, by, chosen)[:top]:
            key = (s["kind"], s["group"], s["a"], s["b"], tuple(s["contexts"]), s["window_start"])
            found.setdefault(key, s)
    ranked = sorted(found.values(), key=lambda s: (s["p_value"], -s["count"], s["a"], s["b"]))
    return ranked[:top]


def dyad_windows(
    con: duckdb.DuckDBPyConnection, a: str, b: str, contexts: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The store's signals between the dyad's two countries, for the explorer to shade."""
    pair = {a, b}
    return [s for s in signals_of(con, "month", contexts) if {s["a"], s["b"]} == pair]


SIGNALS_KEPT = 200
"""Signals computed per (period, context) and cached; pages show the first of them."""


def signals_of(
    con: duckdb.DuckDBPyConnection, by: str, contexts: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The store's ranked signals as dicts (the API's computation), at most ``SIGNALS_KEPT``,
    cached until the store changes."""
    top = SIGNALS_KEPT

    def compute() -> list[dict[str, Any]]:
        found = whole_store_signals(con, by=by, since=None, until=None, context=contexts,
                                    top=top, min_count=SIGNALS.min_count, alpha=SIGNALS.alpha)  # fmt: skip
        return [s.to_dict() for s in found]

    stamp = con.execute("SELECT max(added_at), count(*) FROM events").fetchone()
    result: list[dict[str, Any]] = data.cached(("signals", (by, contexts, top, stamp)), compute)
    return result


# -- events table -------------------------------------------------------------------------------


@router.get("/events")
def events(request: Request) -> Response:
    params = request.query_params
    onto = load_ontology()
    sort = params.get("sort", "date")
    desc = params.get("dir", "desc") != "asc"
    base = {"page": "events", "p": params, "sorts": list(data.SORTS), "sort": sort, "desc": desc,
            "modalities": MODALITIES, "contexts": sorted(onto.plover_contexts()),
            "types": sorted(t.name for t in onto.plover_types())}  # fmt: skip

    def build() -> dict[str, Any]:
        q = query_from(request)
        number = int_param(request, "page", 1, 1, data.MAX_OFFSET // PAGE_SIZE)
        if sort not in data.SORTS:
            raise InvalidArgument("sort", f"one of {', '.join(data.SORTS)}")
        with cursor(request) as con:
            rows = data.sorted_page(con, q, sort, desc, PAGE_SIZE,
                                    (number - 1) * PAGE_SIZE)  # fmt: skip
            n = data.total(con, q)
        filters = {k: params.getlist(k) for k in FILTERS if any(params.getlist(k))}
        return {"rows": rows, "total": n, "number": number,
                "pages": max(1, -(-n // PAGE_SIZE)), "filters": filters}  # fmt: skip

    return page_or_error(request, "events.html", build, **base)


# -- one event, one article ----------------------------------------------------------------------


@router.get("/event/{event_id:path}")
def event(event_id: str, request: Request) -> Response:
    def build() -> dict[str, Any]:
        with cursor(request) as con:
            detail = event_detail(con, event_id)
        for report in detail["reports"]:
            base = report.get("sentence_start") or 0
            report["pieces"] = pieces(report.get("evidence_sentence") or "", report_spans(report),
                                      base)  # fmt: skip
        return {"event": detail}

    return page_or_error(request, "event.html", build, page="event", event_id=event_id)


@router.get("/article/{article_id:path}")
def article(article_id: str, request: Request) -> Response:
    def build() -> dict[str, Any]:
        with cursor(request) as con:
            detail = article_detail(con, article_id)
            reports = data.article_spans(con, article_id)
        text = detail.get("text") or ""
        for r in reports:
            for span in r["spans"]:
                span["text"] = span["text"] or text[span["start"] : span["end"]]
        spans = [s for r in reports for s in r["spans"]]
        return {"article": detail, "reports": reports,
                "pieces": pieces(detail.get("text") or "", spans)}  # fmt: skip

    return page_or_error(request, "article.html", build, page="article", article_id=article_id)
