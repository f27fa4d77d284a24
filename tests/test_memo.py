"""The bounded memo: least recently used entries go first, entries expire, and a value several
threads ask for at once is computed once."""

from __future__ import annotations

import threading

import pytest

from dyadwatch.errors import InvalidArgument
from dyadwatch.memo import Memo


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_least_recently_used_entry_makes_room() -> None:
    memo = Memo[str, int](maxsize=2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" is now the most recently used
    memo.put("c", 3)
    assert ("a" in memo, "b" in memo, "c" in memo) == (True, False, True)
    assert len(memo) == 2


def test_a_stored_none_is_a_hit_and_a_missing_key_gives_the_default() -> None:
    memo = Memo[str, int | None](maxsize=4)
    calls: list[str] = []

    def compute() -> None:
        calls.append("x")

    assert memo.get_or_compute("k", compute) is None
    assert memo.get_or_compute("k", compute) is None
    assert calls == ["x"]
    assert memo.get("other", -1) == -1


def test_entries_expire_after_ttl_seconds() -> None:
    clock = Clock()
    memo = Memo[str, int](maxsize=4, ttl=10.0, clock=clock)
    memo.put("a", 1)
    clock.now = 9.9
    assert memo.get("a") == 1
    clock.now = 10.0
    assert memo.get("a") is None
    assert memo.get_or_compute("a", lambda: 2) == 2


def test_a_failed_computation_is_not_remembered() -> None:
    memo = Memo[str, int](maxsize=4)

    def fail() -> int:
        raise OSError("disk")

    with pytest.raises(OSError):
        memo.get_or_compute("a", fail)
    assert "a" not in memo
    assert memo.get_or_compute("a", lambda: 5) == 5


def test_threads_asking_for_the_same_key_at_once_compute_it_once() -> None:
    memo = Memo[str, int](maxsize=4)
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        started.set()
        assert release.wait(10)
        return 42

    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(memo.get_or_compute("k", slow)))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: results.append(memo.get_or_compute("k", slow)))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waiting for the first thread's result, not computing its own
    release.set()
    first.join(10)
    second.join(10)
    assert results == [42, 42] and calls == [1]


def test_other_keys_are_not_held_up_by_a_slow_computation() -> None:
    memo = Memo[str, int](maxsize=4)
    started, release = threading.Event(), threading.Event()

    def slow() -> int:
        started.set()
        assert release.wait(10)
        return 1

    worker = threading.Thread(target=lambda: memo.get_or_compute("slow", slow))
    worker.start()
    assert started.wait(10)
    assert memo.get_or_compute("fast", lambda: 2) == 2
    release.set()
    worker.join(10)
    assert memo.get("slow") == 1


@pytest.mark.parametrize(("maxsize", "ttl"), [(0, None), (True, None), (2.5, None), (4, 0.0)])
def test_bad_bounds_are_refused_by_name(maxsize: object, ttl: float | None) -> None:
    with pytest.raises(InvalidArgument) as err:
        Memo(maxsize, ttl=ttl)  # type: ignore[arg-type]
    assert err.value.parameter == ("ttl" if ttl is not None else "maxsize")


def test_many_keys_at_once_compute_only_the_missing_ones() -> None:
    memo = Memo[str, int](maxsize=3)
    memo.put("a", 1)
    asked: list[str] = []

    def compute(key: str) -> int:
        asked.append(key)
        return len(key)

    found = memo.get_or_compute_many(["a", "bb", "bb", "ccc"], compute)
    assert found == {"a": 1, "bb": 2, "ccc": 3}
    assert asked == ["bb", "ccc"]  # each missing key once, in order; "a" was remembered
    assert memo.get_or_compute_many(["ccc", "bb"], compute) == {"ccc": 3, "bb": 2}
    assert asked == ["bb", "ccc"]
    assert len(memo) == 3


def test_many_keys_past_the_bound_keep_the_latest() -> None:
    memo = Memo[int, int](maxsize=2)
    assert memo.get_or_compute_many(range(4), lambda k: k * 10) == {0: 0, 1: 10, 2: 20, 3: 30}
    assert (0 in memo, 2 in memo, 3 in memo) == (False, True, True)


def test_a_failed_computation_of_many_remembers_nothing_missed() -> None:
    memo = Memo[int, int](maxsize=10)

    def compute(key: int) -> int:
        if key == 2:
            raise ValueError(key)
        return key

    with pytest.raises(ValueError):
        memo.get_or_compute_many([1, 2], compute)
    assert len(memo) == 0


def test_a_pickled_or_copied_memo_starts_empty_with_its_bounds() -> None:
    import copy
    import pickle

    memo = Memo[str, int](maxsize=5, ttl=60.0)
    memo.put("a", 1)
    for other in (pickle.loads(pickle.dumps(memo)), copy.deepcopy(memo)):
        assert (other.maxsize, other.ttl, len(other)) == (5, 60.0, 0)
        assert other.get_or_compute("b", lambda: 2) == 2
