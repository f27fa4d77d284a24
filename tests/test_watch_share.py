"""``watch`` with workers: made before any thread starts, so they share one loaded coder, kept
for the run and ended however it ends (normally, by an error, by Ctrl-C), within bounded waits.

Each case runs in a fresh interpreter, so that threads left by other tests cannot decide whether
it forks; the feeds are served by this process, on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from feed_server import FeedServer, build_site

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"

HELPERS = """
import json, os, sys, threading
from pathlib import Path
sys.path[:0] = [{tests!r}, {tmp!r}]
import duckdb

def children():
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        if int(stat[stat.rindex(")") + 2:].split()[1]) == me:
            found.append(int(entry.name))
    return found

def pids(name):
    path = Path({tmp!r}) / name
    return sorted({{int(p) for p in path.read_text().split()}}) if path.exists() else []

def alive(found):
    return [p for p in found if Path(f"/proc/{{p}}").exists()]
"""

LIBRARY = """
from fake_coder import FakeCoderFactory
from dyadwatch.feeds.config import FeedConfig, WatchConfig
from dyadwatch.feeds.fetch import Limits
from dyadwatch.feeds.watch import watch

if {with_thread!r}:
    hold = threading.Event()
    threading.Thread(target=hold.wait, daemon=True).start()
tmp = Path({tmp!r})
config = WatchConfig(tuple(FeedConfig({base!r} + p, "Outlet" + p, 900.0) for p in {paths!r}))
fast = Limits(host_delay=0.0, read_timeout=2.0, deadline=2.0, max_retry_after=1.0)
quiet = dict(once=True, limits=fast, chunk_size=4, out=open(os.devnull, "w"), log=lambda line: None)

def dump(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [
            con.execute("SELECT id, copy_of, language, n_mentions FROM articles ORDER BY id")
            .fetchall(),
            con.execute("SELECT article_id, idx, event_json FROM mentions ORDER BY 1, 2").fetchall(),
        ]
    finally:
        con.close()

def held(line):
    # called at the end of the cycle, the workers alive: what of the store do they hold open?
    for pid in children():
        for fd in Path(f"/proc/{{pid}}/fd").iterdir():
            target = os.readlink(fd) if fd.is_symlink() else ""
            if "two.duckdb" in target:
                store_fds.append(target)

store_fds = []
factory = FakeCoderFactory(log=str(tmp / "builds"), pids=str(tmp / "coders"))
cycles = watch(config, tmp / "two.duckdb", factory, workers=2, **{{**quiet, "log": held}})
after = {{"threads": threading.active_count(), "children": children(),
         "alive": alive(pids("coders"))}}
watch(config, tmp / "one.duckdb", FakeCoderFactory(), workers=1, **quiet)
two, one = dump(tmp / "two.duckdb"), dump(tmp / "one.duckdb")

def broken_log(line):
    raise RuntimeError("the log is full")

failing = FakeCoderFactory(pids=str(tmp / "failing"))
try:
    watch(config, tmp / "err.duckdb", failing, workers=2, **{{**quiet, "log": broken_log}})
    error = None
except RuntimeError as exc:
    error = str(exc)
print(json.dumps({{
    "parent": os.getpid(), "cycles": cycles, "store_fds": store_fds, "builds": pids("builds"), "coders": pids("coders"),
    "after": after, "same": two == one, "articles": len(two[0]), "mentions": len(two[1]),
    "error": error, "failing": pids("failing"), "after_error": alive(pids("failing")),
    "children_after_error": children(),
}}))
"""


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with FeedServer(build_site(12, copies=2, german=1)) as srv:
        yield srv


def run(script: str, **fields: object) -> dict[str, object]:
    code = (HELPERS + script).format(tests=str(TESTS), **fields)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_watch_loads_the_coder_once_and_codes_in_workers_forked_from_it(
    server: FeedServer, tmp_path: Path
) -> None:
    result = run(LIBRARY, tmp=str(tmp_path), base=server.base, paths=list(server.site.feeds),
                 with_thread=False)  # fmt: skip
    parent = result["parent"]
    assert result["cycles"] == 1
    assert result["builds"] == [parent]  # built here, once; no worker built its own
    coders = result["coders"]
    assert isinstance(coders, list) and coders and parent not in coders  # coded in the workers
    assert result["same"] is True  # the store is the one serial coding makes
    # the workers were made before the store was opened: they hold none of its files or locks
    assert result["store_fds"] == []
    assert (result["articles"], result["mentions"]) == (15, 12)
    # nothing of the pool outlives the run: no worker, no child process, no thread
    assert result["after"] == {"threads": 1, "children": [], "alive": []}
    # an error ends the run; it ends the workers too (forked again: the coder was loaded)
    assert result["error"] == "the log is full"
    assert result["failing"] and parent not in result["failing"]  # type: ignore[operator]
    assert result["after_error"] == [] and result["children_after_error"] == []


def test_with_another_thread_alive_watch_spawns_workers_that_load_their_own(
    server: FeedServer, tmp_path: Path
) -> None:
    result = run(LIBRARY, tmp=str(tmp_path), base=server.base, paths=list(server.site.feeds),
                 with_thread=True)  # fmt: skip
    builds, coders = result["builds"], result["coders"]
    assert isinstance(builds, list) and isinstance(coders, list)
    assert result["parent"] not in builds and coders and set(coders) <= set(builds)
    assert result["same"] is True and (result["articles"], result["mentions"]) == (15, 12)
    assert result["after"]["alive"] == []  # type: ignore[index]
    assert result["error"] == "the log is full" and result["after_error"] == []


CTRL_C = """
from dyadwatch.cli import main
try:
    main([{feeds!r}, "--db", {db!r}, "--once", "--delay", "0", "--workers", "2",
          "--coder", "slow_share_coder:factory"], standalone_mode=False)
finally:
    print(json.dumps({{"parent": os.getpid(), "builds": pids("builds"), "coders": pids("coders"),
                      "alive": alive(pids("coders")), "children": children(),
                      "threads": threading.active_count()}}), flush=True)
"""


def slow_coder(tmp_path: Path) -> None:
    """A coder that takes a minute an article: only terminating its workers ends a run soon."""
    (tmp_path / "slow_share_coder.py").write_text(
        "from fake_coder import FakeCoderFactory\n"
        f"factory = FakeCoderFactory(delay=60.0, log={str(tmp_path / 'builds')!r},"
        f" pids={str(tmp_path / 'coders')!r})\n"
    )


def press_ctrl_c(tmp_path: Path, code: str) -> tuple[dict[str, object], float, str]:
    """Run ``code`` as a terminal's foreground job, press Ctrl-C once a worker codes; its
    report, the seconds it took to end after the key, and its stderr."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS), str(tmp_path)])}
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # a process group of its own, as a terminal's foreground job
    )
    try:
        coders = tmp_path / "coders"
        deadline = time.monotonic() + 60
        while not coders.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert coders.exists(), "no worker started coding"
        time.sleep(0.3)  # the other worker picks its chunk up too
        pressed = time.monotonic()
        os.killpg(child.pid, signal.SIGINT)  # Ctrl-C reaches every process of the group
        out, err = child.communicate(timeout=30)
        took = time.monotonic() - pressed
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)  # the workers too
            child.communicate()
    assert child.returncode == 0, err[-3000:]
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result, took, err


REPORT = """
    print(json.dumps({{"parent": os.getpid(), "builds": pids("builds"), "coders": pids("coders"),
                      "alive": alive(pids("coders")), "children": children(),
                      "threads": threading.active_count()}}), flush=True)
"""


def test_ctrl_c_ends_the_watch_and_its_busy_workers_promptly(
    server: FeedServer, tmp_path: Path
) -> None:
    slow_coder(tmp_path)
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n" + "".join(
        f"  - url: {server.base}{p}\n    outlet: O{i}\n    interval: 15m\n"
        for i, p in enumerate(server.site.feeds)
    ))  # fmt: skip
    script = """
from dyadwatch.cli import main
try:
    main(["watch", {feeds!r}, "--db", {db!r}, "--once", "--delay", "0", "--workers", "2",
          "--coder", "slow_share_coder:factory"], standalone_mode=False)
finally:""" + REPORT
    code = (HELPERS + script).format(
        tests=str(TESTS), tmp=str(tmp_path), feeds=str(feeds), db=str(tmp_path / "w.duckdb")
    )
    result, took, err = press_ctrl_c(tmp_path, code)
    assert result["builds"] == [result["parent"]] and result["coders"]
    assert result["alive"] == [] and result["children"] == [] and result["threads"] == 1
    assert took < 15  # shut_down's 5 s for the busy workers, then terminate; not a minute
    assert "Traceback" not in err  # the workers ignored Ctrl-C; their parent ended them


def test_ctrl_c_ends_ingest_and_its_busy_workers_promptly(tmp_path: Path) -> None:
    slow_coder(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        (folder / f"{i}.txt").write_text(f"France met Germany on 2020-09-{i + 1:02d}.\n")
    script = """
from dyadwatch.ingest import ingest
from slow_share_coder import factory
try:
    ingest([{folder!r}], db={db!r}, coder=factory, workers=2, chunk_size=2)
except KeyboardInterrupt:
    pass
finally:""" + REPORT
    code = (HELPERS + script).format(
        tests=str(TESTS), tmp=str(tmp_path), folder=str(folder), db=str(tmp_path / "i.duckdb")
    )
    result, took, err = press_ctrl_c(tmp_path, code)
    assert result["builds"] == [result["parent"]] and result["coders"]
    assert result["alive"] == [] and result["children"] == [] and result["threads"] == 1
    assert took < 15
    assert "Traceback" not in err
