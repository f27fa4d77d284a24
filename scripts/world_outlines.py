#!/usr/bin/env python3
"""Build the dashboard's country outlines (src/dyadwatch/dashboard/static/world.json) from
Natural Earth's public-domain 1:110m countries.

Natural Earth ships inside the geopandas 0.14.x wheel as ``naturalearth_lowres``; fetch the wheel
once with the ordinary package client (nothing else is downloaded, geopandas is not installed):

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    python scripts/world_outlines.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The shapefile is read here with the standard library (the .shp polygon records and the .dbf
attribute table), coordinates are rounded to 0.1 degree (about 11 km: ample for a map a few
hundred pixels wide) and points that rounding makes repeat are dropped. The output is a GeoJSON
FeatureCollection with the ISO alpha-3 code and name of each country.
"""

from __future__ import annotations

import argparse
import itertools
import json
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

_STEM = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parent.parent / "src/dyadwatch/dashboard/static/world.json"

# Natural Earth leaves ISO_A3 as -99 for a few countries whose status it treats specially;
# these are their ISO codes (facts), by Natural Earth's name.
_ISO_BY_NAME = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYN",
                "Somaliland": "SOL"}  # fmt: skip


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """The records of a dBase III table: every field as stripped text."""
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        start = header_len + i * record_len + 1  # the first byte is the deletion flag
        row = {}
        for name, size in fields:
            row[name] = data[start : start + size].decode("utf-8", "replace").strip()
            start += size
        rows.append(row)
    return rows


def read_polygons(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings (shape type 5, polygon; 0, null, gives no ring)."""
    out = []
    pos = 100
    while pos < len(data):
        length = struct.unpack(">I", data[pos + 4 : pos + 8])[0] * 2
        body = data[pos + 8 : pos + 8 + length]
        pos += 8 + length
        shape = struct.unpack("<i", body[:4])[0]
        if shape == 0:
            out.append([])
            continue
        if shape != 5:
            raise SystemExit(f"unexpected shape type {shape} in the shapefile")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]))
        at = 44 + 4 * n_parts
        points = [
            struct.unpack("<dd", body[at + 16 * k : at + 16 * k + 16]) for k in range(n_points)
        ]
        bounds = [*parts, n_points]
        out.append([points[bounds[k] : bounds[k + 1]] for k in range(n_parts)])
    return out


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    kept: list[list[float]] = []
    for x, y in ring:
        point = [round(x, 1), round(y, 1)]
        if not kept or kept[-1] != point:
            kept.append(point)
    return kept


def is_clockwise(ring: list[tuple[float, float]]) -> bool:
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))
    return area < 0


def features(shp: bytes, dbf: bytes) -> list[dict[str, Any]]:
    out = []
    for attrs, rings in zip(read_dbf(dbf), read_polygons(shp), strict=True):
        name = attrs.get("name", "")
        iso = attrs.get("iso_a3", "")
        if not iso or iso == "-99":
            iso = _ISO_BY_NAME.get(name, "")
        polygons: list[list[list[list[float]]]] = []
        for ring in rings:
            small = simplify(ring)
            if len(small) < 4:
                continue
            # Shapefile outer rings run clockwise, holes counter-clockwise.
            if is_clockwise(ring) or not polygons:
                polygons.append([small])
            else:
                polygons[-1].append(small)
        if not polygons:
            continue
        out.append(
            {
                "type": "Feature",
                "properties": {"iso_a3": iso, "name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="geopandas-0.14.x wheel (holds Natural Earth)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        with zipfile.ZipFile(args.wheel) as wheel:
            shp = wheel.read(_STEM + ".shp")
            dbf = wheel.read(_STEM + ".dbf")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        print(f"{args.wheel}: cannot read Natural Earth's countries: {exc}", file=sys.stderr)
        return 1
    collection = {
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain), 1:110m countries, simplified",
        "features": features(shp, dbf),
    }
    args.out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} countries, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
