"""The ``/api/v1`` endpoints. Each builds an ``EventQuery`` from the query string (so filters
mean the same here as on the command line), takes a cursor from the app's ``StoreReader`` and
answers JSON with ``meta`` (versions, the query as understood)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from dyadwatch.api.access import StoreReader
from dyadwatch.api.meta import ApiSettings, meta
from dyadwatch.errors import InvalidArgument
from dyadwatch.query import EventQuery, whole_number
from dyadwatch.query_run import empty_warnings, run_page
from dyadwatch.query_write import csv_chunks, geojson_chunks, json_row, write_parquet
from dyadwatch.store.details import article_detail, event_detail, find_actors, stats
from dyadwatch.watch.options import DEFAULT_PERIOD, SIGNALS
from dyadwatch.watch.series_sql import dyad_series_sql
from dyadwatch.watch.store_signals import whole_store_signals

router = APIRouter()

FILTER_DOCS: dict[str, str] = {
    "source": "Source actor code at any granularity: USA, USAMIL, ECOWAS, OSCE, G5S, MIL, ---.",
    "target": "Target actor code.",
    "dyad": "Two actor codes A,B: events between them in either direction.",
    "cameo": "CAMEO event code or root prefix (19: every code under root 19).",
    "quad_class": "QuadClass 1 (verbal cooperation) to 4 (material conflict).",
    "plover_type": "PLOVER event type, e.g. ASSAULT.",
    "plover_mode": "PLOVER mode, e.g. arrest.",
    "plover_context": "PLOVER context, e.g. military.",
    "modality": "asserted (default), hedged, negated, future, hypothetical, historical.",
    "min_confidence": "Lowest confidence, 0 to 1.",
    "min_sources": "Fewest distinct outlets that reported the event.",
    "min_mentions": "Fewest reports of the event.",
    "start": "First day (YYYY-MM-DD) of the event's first date.",
    "end": "Last day (YYYY-MM-DD).",
    "place_country": "ISO alpha-3 country of the event's place.",
    "place_admin1": "Admin1 code of the event's place.",
    "near": "LAT,LON,KM: events placed within KM kilometres of the point.",
    "language": "Language of any report's article.",
    "outlet": "Outlet (articles.source) of any report, exact.",
    "text": "Words any report's evidence sentence contains (case-insensitive).",
}
"""Every filter parameter; lists repeat the parameter or separate values with commas."""


def _params(names: dict[str, str]) -> dict[str, Any]:
    return {
        "parameters": [
            {"name": n, "in": "query", "required": False, "schema": {"type": "string"},
             "description": d}
            for n, d in names.items()
        ]
    }  # fmt: skip


_PAGE_DOCS = {
    **FILTER_DOCS,
    "limit": "Rows per page (default 100, at most 1000).",
    "cursor": "next_cursor of the previous page.",
    "since": "Only events first stored after this ISO timestamp (UTC): polling for new events.",
}


def _reader(request: Request) -> StoreReader:
    reader: StoreReader = request.app.state.reader
    return reader


def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def query_of(
    request: Request, extra: tuple[str, ...] = (), skip: tuple[str, ...] = ()
) -> tuple[EventQuery, dict[str, str]]:
    """The ``EventQuery`` of the query string, and the values of the ``extra`` parameters (each
    given at most once). ``since`` is ``added_since``; ``skip`` names filters this endpoint takes
    from its path."""
    filters: dict[str, list[str]] = {}
    others: dict[str, str] = {}
    for name in request.query_params:
        values = request.query_params.getlist(name)
        if name in extra:
            if len(values) != 1:
                raise InvalidArgument(name, "give it once")
            others[name] = values[0]
        elif name in skip or name == "added_since":
            raise InvalidArgument(name, "not a parameter of this endpoint")
        else:
            filters["added_since" if name == "since" else name] = values
    return EventQuery.from_params(filters), others


def no_params(request: Request) -> None:
    for name in request.query_params:
        raise InvalidArgument(name, "this endpoint takes no query parameters")


@router.get(
    "/events", summary="A page of events matching the filters", openapi_extra=_params(_PAGE_DOCS)
)
def events(request: Request) -> dict[str, Any]:
    """Events by date (undated last), then id, each with its representative report's evidence.
    Pages follow ``next_cursor``; a cursor's pages leave out events stored after its first page,
    so an ingest running meanwhile neither shifts nor repeats rows."""
    settings = _settings(request)
    q, extra = query_of(request, ("limit", "cursor"))
    limit = whole_number("limit", extra.get("limit"), settings.page_size, 1, settings.max_page_size)
    with _reader(request).cursor() as con:
        page = run_page(con, q, limit, extra.get("cursor"))
        warnings = empty_warnings(con, q) if not page.rows and "cursor" not in extra else []
    return {
        "data": [json_row(r) for r in page.rows],
        "next_cursor": page.next_cursor,
        "meta": meta(q.to_dict(), limit=limit, warnings=warnings),
    }


_CHUNK = 5000
"""Rows a streamed download reads per turn at the database."""

_DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


@router.get(
    "/events.{fmt}",
    summary="Every event matching the filters, streamed as csv, geojson or parquet",
    openapi_extra=_params({**FILTER_DOCS, "limit": "At most this many rows."}),
)
def download(fmt: str, request: Request) -> StreamingResponse:
    """Streamed in pages (a writer can store between two pages); ``parquet`` is written to a
    temporary file first (Parquet puts its index at the end)."""
    if fmt not in _DOWNLOADS:
        raise InvalidArgument("format", f"one of {', '.join(_DOWNLOADS)}, not {fmt!r}")
    settings = _settings(request)
    q, extra = query_of(request, ("limit",))
    cap = settings.max_download_rows
    limit = whole_number("limit", extra.get("limit"), cap, 0, cap)
    reader = _reader(request)
    headers = {"Content-Disposition": f'attachment; filename="events.{fmt}"'}
    if fmt == "parquet":
        return StreamingResponse(
            _parquet(reader, q, limit), media_type=_DOWNLOADS[fmt], headers=headers
        )
    with reader.cursor() as con:  # a bad query fails here, before the 200 is sent
        first = run_page(con, q, min(limit, _CHUNK) or 1, max_limit=_CHUNK)
    rows = _rows(reader, q, limit, first)
    chunks = csv_chunks(rows) if fmt == "csv" else geojson_chunks(rows)
    return StreamingResponse(chunks, media_type=_DOWNLOADS[fmt], headers=headers)


def _rows(reader: StoreReader, q: EventQuery, limit: int, first: Any) -> Iterator[dict[str, Any]]:
    sent = 0
    page = first
    while True:
        for row in page.rows:
            if sent >= limit:
                return
            sent += 1
            yield row
        if page.next_cursor is None or sent >= limit:
            return
        with reader.cursor() as con:
            page = run_page(con, q, min(limit - sent, _CHUNK), page.next_cursor, max_limit=_CHUNK)


def _parquet(reader: StoreReader, q: EventQuery, limit: int) -> Iterator[bytes]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="dyadwatch-") as folder:
        path = Path(folder) / "events.parquet"
        with reader.cursor() as con:
            write_parquet(con, q, path, limit)
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 16):
                yield chunk


@router.get("/events/{event_id}", summary="One event with every report of it")
def event(event_id: str, request: Request) -> dict[str, Any]:
    """The event, and each report (mention) with its article, evidence sentence, the offsets of
    source, target and trigger in the article's text, and why it was merged into the event.
    An id ``ARTICLE#IDX`` names a report that belongs to no merged event."""
    no_params(request)
    with _reader(request).cursor() as con:
        data = event_detail(con, event_id)
    return {"data": data, "meta": meta({"event_id": event_id})}


@router.get("/articles/{article_id}", summary="One stored article with its reports")
def article(article_id: str, request: Request) -> dict[str, Any]:
    no_params(request)
    with _reader(request).cursor() as con:
        data = article_detail(con, article_id)
    return {"data": data, "meta": meta({"article_id": article_id})}


@router.get(
    "/dyads/{a}/{b}/series",
    summary="A dyad's events per day, week or month, both directions",
    openapi_extra=_params(
        {
            "by": "day, week or month (default month).",
            **{k: v for k, v in FILTER_DOCS.items() if k != "dyad"},
        }
    ),
)
def series(a: str, b: str, request: Request) -> dict[str, Any]:
    """Per period and direction (a->b, b->a, both): events, events per QuadClass, Goldstein
    total and mean, PLOVER score total, events per PLOVER type, reports. Periods without
    events are included between the first and last (or ``start`` and ``end``)."""
    q, extra = query_of(request, ("by",), skip=("dyad",))
    by = extra.get("by", DEFAULT_PERIOD)
    if by not in ("day", "week", "month"):
        raise InvalidArgument("by", f"day, week or month, not {by!r}")
    q = q.replace(dyad=(a, b))
    with _reader(request).cursor() as con:
        rows = dyad_series_sql(con, q, by)
        warnings = empty_warnings(con, q) if not any(r["events"] for r in rows) else []
    return {"data": rows, "meta": meta(q.to_dict(), by=by, warnings=warnings)}


@router.get(
    "/signals",
    summary="Dyads whose cooperation or conflict changed, and firsts, with evidence",
    openapi_extra=_params(
        {
            "by": "week or month (default month).",
            "start": "Ignore events before this day.",
            "end": "The window ends with the period of this day.",
            "plover_context": "Only events with this context.",
            "top": "At most this many signals.",
            "min_count": f"Fewest events in the window (default {SIGNALS.min_count}).",
            "alpha": f"Significance level (default {SIGNALS.alpha}).",
        }
    ),
)
def signals(request: Request) -> dict[str, Any]:
    params = dict(request.query_params)
    allowed = {"by", "start", "end", "plover_context", "top", "min_count", "alpha"}
    for name in params:
        if name not in allowed:
            raise InvalidArgument(
                name, "not a parameter of /signals; one of " + ", ".join(sorted(allowed))
            )
    q = EventQuery.from_params({k: params.get(k) for k in ("start", "end", "plover_context")})
    by = params.get("by", DEFAULT_PERIOD)
    if by not in ("week", "month"):
        raise InvalidArgument("by", f"week or month, not {by!r}")
    top = whole_number("top", params.get("top"), 50, 1, 1000)
    min_count = whole_number("min_count", params.get("min_count"), SIGNALS.min_count, 1, 1_000_000)
    try:
        alpha = float(params.get("alpha", SIGNALS.alpha))
    except ValueError:
        raise InvalidArgument("alpha", "expected a number") from None
    if not 0 < alpha < 1:
        raise InvalidArgument("alpha", "expected a number between 0 and 1")
    with _reader(request).cursor() as con:
        found = whole_store_signals(
            con, by=by, since=q.start, until=q.end, context=q.plover_context, top=top,
            min_count=min_count, alpha=alpha,
        )  # fmt: skip
    return {
        "data": [s.to_dict() for s in found],
        "meta": meta({**q.to_dict(), "by": by, "top": top, "min_count": min_count, "alpha": alpha}),
    }


@router.get(
    "/actors",
    summary="Countries, organisations and office holders by name or code",
    openapi_extra=_params(
        {
            "q": "Name, alias or code (case-insensitive substring).",
            "on": "YYYY-MM-DD: office holders in office that day (with q: of that name or country).",
        }
    ),
)
def actors(request: Request) -> dict[str, Any]:
    params = dict(request.query_params)
    for name in params:
        if name not in ("q", "on"):
            raise InvalidArgument(name, "not a parameter of /actors; q or on")
    text = params.get("q", "").strip()
    on = None
    if "on" in params:
        try:
            on = date.fromisoformat(params["on"])
        except ValueError:
            raise InvalidArgument("on", f"expected YYYY-MM-DD, not {params['on']!r}") from None
    if not text and on is None:
        raise InvalidArgument("q", "give q (a name or code), on (a date), or both")
    if len(text) > 100:
        raise InvalidArgument("q", "at most 100 characters")
    return {"data": find_actors(text, on), "meta": meta({"q": text, "on": params.get("on")})}


@router.get("/stats", summary="What the store holds")
def store_stats(request: Request) -> dict[str, Any]:
    no_params(request)
    with _reader(request).cursor() as con:
        data = stats(con)
    return {"data": data, "meta": meta()}
