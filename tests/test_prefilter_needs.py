"""The pre-filter's compiled conditional triggers answer as the plain test of every need."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.events.prefilter import PreFilter
from dyadwatch.events.prefilter_needs import Alt, Group, Need, NeedIndex

WORDS = ["hold", "talks", "carry", "out", "lodge", "protest", "peace", "deal", "sign", "a"]
_forms = st.frozensets(st.sampled_from(WORDS), max_size=3)
_alt: st.SearchStrategy[Alt] = st.lists(_forms, min_size=2, max_size=3).map(tuple)
_group: st.SearchStrategy[Group] = st.tuples(_forms, st.lists(_alt, max_size=3).map(tuple))
_need: st.SearchStrategy[Need] = st.lists(_group, min_size=1, max_size=2).map(tuple)
_conditional = st.dictionaries(st.sampled_from(WORDS), st.lists(_need, max_size=3).map(tuple))


def _plain(conditional: dict[str, tuple[Need, ...]], found: set[str]) -> bool:
    """The test as written out: a form's need with, for each group, a one-word alternative or
    a longer one with a form of each of its words among ``found``."""
    return any(
        all(
            not found.isdisjoint(single)
            or any(all(not found.isdisjoint(forms) for forms in alt) for alt in longer)
            for single, longer in need
        )
        for form in found & conditional.keys()
        for need in conditional[form]
    )


@settings(max_examples=400, deadline=None)
@given(_conditional, st.sets(st.sampled_from(WORDS)))
def test_the_index_answers_as_the_plain_test(
    conditional: dict[str, tuple[Need, ...]], found: set[str]
) -> None:
    assert NeedIndex(conditional).met(found) == _plain(conditional, found)


def test_a_group_is_met_by_a_longer_alternative_only_with_all_its_words() -> None:
    hold_talks: Need = ((frozenset(), ((frozenset({"hold"}), frozenset({"talks"})),)),)
    index = NeedIndex({"hold": (hold_talks,)})
    assert index.met({"hold", "talks"})
    assert not index.met({"hold"})
    assert not index.met({"talks"})  # "talks" alone is no conditional form


def test_the_filter_keeps_by_a_need_met() -> None:
    need: Need = ((frozenset({"protest"}), ()),)
    f = PreFilter.build(names=["Algeria"], roles=[])
    f = PreFilter(f.actor_words, f.trigger_words, {"lodged": (need,)})
    assert f.keeps("Algeria lodged a protest.")
    assert not f.keeps("Algeria lodged a complaint.")
