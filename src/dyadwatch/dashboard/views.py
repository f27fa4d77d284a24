"""The map, signals (page, overview fragment and Atom feed), actors, and the small JSON the
dashboard's script fetches (actor codes for autocomplete)."""

from __future__ import annotations

import functools
import json
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response

from dyadwatch.dashboard import data
from dyadwatch.dashboard.pages import (
    FILTERS,
    PAGE_SIZE,
    cursor,
    dyad_windows,
    int_param,
    page_or_error,
    query_from,
    signals_of,
    top_signals,
)
from dyadwatch.dashboard.web import SECURITY_HEADERS, render
from dyadwatch.errors import DyadwatchError, InvalidArgument
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.store.details import find_actors

router = APIRouter(include_in_schema=False)

MAP_W, MAP_H = 960, 480


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: longitude and latitude straight to x and y."""
    return round((lon + 180) / 360 * MAP_W, 1), round((90 - lat) / 180 * MAP_H, 1)


@functools.cache
def countries() -> list[dict[str, str]]:
    """The packaged outlines (``static/world.json``, from Natural Earth) as SVG paths."""
    raw = (resources.files("dyadwatch.dashboard") / "static" / "world.json").read_text("utf-8")
    out = []
    for feature in json.loads(raw)["features"]:
        parts = []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                points = [project(x, y) for x, y in ring]
                parts.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
        props = feature["properties"]
        out.append({"iso": props["iso_a3"], "name": props["name"], "d": "".join(parts)})
    return out


@router.get("/map")
def map_page(request: Request) -> Response:
    params = request.query_params

    def build() -> dict[str, Any]:
        q = query_from(request)
        listed: list[dict[str, Any]] = []
        with cursor(request) as con:
            size, bins = data.map_bins(con, q)
            chosen = bool(q.place_country or q.near)
            if chosen:
                listed = data.sorted_page(con, q, "date", True, PAGE_SIZE)
                n = data.total(con, q)
            else:
                n = 0
        base = {k: params.getlist(k) for k in FILTERS if k not in ("place_country", "near")}
        points = []
        for b in bins:
            x, y = project(b["lon"], b["lat"])
            quads = [b["q1"], b["q2"], b["q3"], b["q4"]]
            top = max(range(4), key=lambda i: quads[i]) + 1
            km = max(5.0, size * 111.2 * 0.75)
            near = f"{b['lat']:.4f},{b['lon']:.4f},{km:.0f}"
            points.append({"x": x, "y": y, "n": b["n"], "quad": top, "place": b["place"],
                           "r": round(min(3 + b["n"] ** 0.5, 16), 1), "quads": quads,
                           "near": near})  # fmt: skip
        return {"bins": points, "size": size, "listed": listed, "total": n, "chosen": chosen,
                "base": base, "countries": countries(), "width": MAP_W, "height": MAP_H}  # fmt: skip

    return page_or_error(request, "map.html", build, page="map", p=params)


@router.get("/signals")
def signals_page(request: Request) -> Response:
    params = request.query_params
    base = {"page": "signals", "by": params.get("by", "month"),
            "context": params.get("context", "")}  # fmt: skip

    def build() -> dict[str, Any]:
        by = base["by"]
        if by not in ("week", "month"):
            raise InvalidArgument("by", "week or month")
        q = query_from(request, ("plover_context",), plover_context="context")
        top = int_param(request, "top", 25, 1, 200)
        with cursor(request) as con:
            if q.plover_context:
                found = signals_of(con, by, q.plover_context)[:top]
            else:
                found = top_signals(con, by, top)

        return {"signals": found, "contexts": sorted(load_ontology().plover_contexts())}

    return page_or_error(request, "signals.html", build, **base)


@router.get("/fragments/signals")
def signals_fragment(request: Request) -> Response:
    """The overview's top signals, fetched by the page's script so the rest of the overview
    shows before the signal test has run over a large store."""
    top = 5
    try:
        with cursor(request) as con:
            found = top_signals(con, "month", top)
    except DyadwatchError as exc:
        return render("signal_list.html", 503, signals=[], error=str(exc))
    return render("signal_list.html", signals=found, compact=True)


@router.get("/fragments/dyad-signals")
def dyad_signals_fragment(request: Request) -> Response:
    """The dyad explorer's signals (its script shades their windows on the charts)."""
    params = request.query_params
    a, b = params.get("a", "").strip().upper(), params.get("b", "").strip().upper()
    context = params.get("context", "").strip()
    base: dict[str, Any] = {"a": a, "b": b, "context": context, "params": params}
    try:
        q = query_from(request, ("plover_context",), plover_context="context")
        with cursor(request) as con:
            found = dyad_windows(con, a, b, q.plover_context)
    except DyadwatchError as exc:
        return render("dyad_signals.html", 400, windows=[], error=str(exc), **base)
    return render("dyad_signals.html", windows=found, **base)


@router.get("/signals.atom")
def signals_feed(request: Request) -> Response:
    try:
        with cursor(request) as con:
            found = top_signals(con, "month", 50)
    except DyadwatchError as exc:
        return Response(str(exc), status_code=503, media_type="text/plain")
    base = str(request.base_url).rstrip("/")
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return render("signals.atom", media_type="application/atom+xml", signals=found,
                  base=base, now=now)  # fmt: skip


@router.get("/actors")
def actors_page(request: Request) -> Response:
    params = request.query_params
    text = params.get("q", "").strip()
    on_text = params.get("on", "").strip()
    base = {"page": "actors", "q": text, "on": on_text}

    def build() -> dict[str, Any]:
        if not text and not on_text:
            return {"results": None}
        if len(text) > 100:
            raise InvalidArgument("q", "at most 100 characters")
        on = None
        if on_text:
            try:
                on = date.fromisoformat(on_text)
            except ValueError:
                raise InvalidArgument("on", f"expected YYYY-MM-DD, not {on_text!r}") from None
        found = find_actors(text, on)
        # "Algeria" names a country, not a person: add the office holders of the countries
        # it names, so "who was Algeria's army chief on that day" is one search.
        seen = {(r.get("name"), r.get("start")) for r in found}
        for country in [r["code"] for r in found if r["kind"] == "country"][:3]:
            for r in find_actors(country, on):
                if r["kind"] == "person" and (r["name"], r.get("start")) not in seen:
                    seen.add((r["name"], r.get("start")))
                    found.append(r)
        return {"results": found}

    return page_or_error(request, "actors.html", build, **base)


@router.get("/dash/codes.json")
def codes(request: Request) -> Response:
    """The actor codes of the store (countries, organisations, full codes), for the dyad
    explorer's autocomplete."""
    try:
        with cursor(request) as con:
            stamp = con.execute("SELECT max(added_at), count(*) FROM events").fetchone()
            found = data.cached(("codes", stamp), lambda: data.actor_codes(con))
    except DyadwatchError as exc:
        return JSONResponse({"error": str(exc)}, status_code=503, headers=SECURITY_HEADERS)
    return JSONResponse({"data": found}, headers=SECURITY_HEADERS)
