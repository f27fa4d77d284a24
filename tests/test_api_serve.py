"""A real ``dyadwatch serve`` process keeps answering while a real ``dyadwatch ingest``
process writes the same store, and the ingest is not starved by it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dyadwatch.store.store import Store
from test_store_crash import start, write_corpus

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = "from dyadwatch.cli import main; main()"
    args = ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, stderr=subprocess.PIPE)


def wait_ready(client: httpx.Client, process: subprocess.Popen[bytes]) -> None:
    for _ in range(200):  # at most 20 s
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            if client.get("/api/v1/stats").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not start")


@pytest.mark.slow  # a real server and a real ingest, side by side
def test_serve_answers_while_ingest_writes(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    first = start(write_corpus(tmp_path / "one", 10), db, delay=0.0)
    assert first.wait(timeout=120) == 0
    port = free_port()
    server = serve(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            wait_ready(client, server)
            ingest = start(write_corpus(tmp_path / "two", 40, version=1), db, delay=0.02, chunk=2)
            seen: list[int] = []
            statuses: set[int] = set()
            for _ in range(600):  # bounded: at most a few minutes
                if ingest.poll() is not None:
                    break
                stats = client.get("/api/v1/stats")
                page = client.get("/api/v1/events", params={"source": "FRA", "limit": 5})
                statuses |= {stats.status_code, page.status_code}
                if stats.status_code == 200:
                    seen.append(stats.json()["data"]["articles"])
                time.sleep(0.05)
            _, err = ingest.communicate(timeout=120)
            assert ingest.returncode == 0, err.decode()
            final = client.get("/api/v1/stats").json()["data"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses == {200}
    assert seen == sorted(seen), "a reader went back in time"
    assert len({n for n in seen if 10 < n < 40}) >= 2, f"too few reads during the ingest: {seen}"
    with Store.open(db, read_only=True) as store:
        assert final["articles"] == store.counts().articles == 40  # ids a000-a039
