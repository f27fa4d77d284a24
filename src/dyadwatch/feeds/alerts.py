"""New signals after a watch cycle: recomputed for the dyads that received events, compared
with those already reported (``watch_signals`` table), printed as JSON lines with their evidence
and written to an Atom file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape

import duckdb

from dyadwatch.watch.rows import corpus_bounds, load_events
from dyadwatch.watch.signals import Signal, detect_signals

ATOM_ENTRIES = 200
"""Newest signals kept in the Atom file."""


def signal_key(s: Signal) -> str:
    return "|".join(
        [s.kind, s.group, s.dyad, ",".join(s.contexts), s.by, s.window_start.isoformat()]
    )


def new_signals(
    con: duckdb.DuckDBPyConnection,
    dyads: Iterable[tuple[str, str]],
    now: datetime,
    *,
    by: str = "month",
) -> list[Signal]:
    """Signals of these dyads not reported before; recorded as reported.

    One read of the events among the dyads' countries, then the same test as
    ``signals.find_signals`` per dyad (over the whole corpus's periods)."""
    pairs = {tuple(sorted(pair)) for pair in dyads}
    if not pairs:
        return []
    first_day, last_day = corpus_bounds(con)
    rows = load_events(con, countries={c for pair in pairs for c in pair})
    found = [
        s
        for s in detect_signals(rows, by=by, first_day=first_day, last_day=last_day)
        if tuple(sorted((s.a, s.b))) in pairs
    ]
    if not found:
        return []
    keys = [signal_key(s) for s in found]
    known = {
        str(r[0])
        for r in con.execute(
            "SELECT key FROM watch_signals WHERE key IN (SELECT unnest(?::VARCHAR[]))", [keys]
        ).fetchall()
    }
    fresh: dict[str, Signal] = {}
    for key, s in zip(keys, found, strict=True):
        if key not in known and key not in fresh:
            fresh[key] = s
    if fresh:
        con.execute(
            "INSERT INTO watch_signals SELECT unnest(?::VARCHAR[]), ?, unnest(?::JSON[])",
            [
                list(fresh),
                now,
                [json.dumps(s.to_dict(), ensure_ascii=False) for s in fresh.values()],
            ],
        )
    return list(fresh.values())


def print_signals(out: TextIO, signals: Iterable[Signal]) -> None:
    for s in signals:
        out.write(json.dumps({"signal": s.to_dict()}, ensure_ascii=False) + "\n")
    out.flush()


def write_atom(
    path: Path, con: duckdb.DuckDBPyConnection, title: str = "dyadwatch signals"
) -> None:
    """Rewrite the Atom file with the newest reported signals (atomically: a reader never sees
    half a file)."""
    rows = con.execute(
        "SELECT key, found_at, signal_json FROM watch_signals ORDER BY found_at DESC, key LIMIT ?",
        [ATOM_ENTRIES],
    ).fetchall()
    updated = rows[0][1] if rows else datetime.now(UTC).replace(tzinfo=None)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title>",
        "<id>urn:dyadwatch:signals</id>",
        f"<updated>{_stamp(updated)}</updated>",
    ]
    for key, found_at, raw in rows:
        data = json.loads(raw)
        lines = [data["summary"], ""]
        for e in data.get("evidence", []):
            lines.append(
                f"{e['date']} {e['source']}->{e['target']} {e['cameo']} ({e['outlet'] or '-'}:"
                f" {e['title'] or e['article_id']}) \u201c{e['sentence']}\u201d {e['url'] or ''}"
            )
        parts += [
            "<entry>",
            f"<title>{escape(data['summary'])}</title>",
            f"<id>urn:dyadwatch:signal:{escape(key)}</id>",
            f"<updated>{_stamp(found_at)}</updated>",
            f'<content type="text">{escape(chr(10).join(lines))}</content>',
            "</entry>",
        ]
    parts.append("</feed>")
    scratch = path.with_name(f".{path.name}.tmp")
    scratch.write_text("\n".join(parts) + "\n", encoding="utf-8")
    os.replace(scratch, path)


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"
