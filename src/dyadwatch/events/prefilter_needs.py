"""The pre-filter's conditional triggers, compiled for the test it runs on every sentence.

A conditional trigger form counts only when one of its patterns' needs is met in the sentence
(``prefilter.needs``: every group, of a group one alternative, of an alternative a form of each
word). Tried form by form and need by need, that test cost half of the pre-filter: a sentence
holds a dozen conditional forms, each with a few needs, many needs with ten multi-word
alternatives. ``NeedIndex`` gives the same answer with less work:

* each distinct need and group is tried once per sentence (forms and patterns share them);
* a group is rejected at once when the sentence holds none of the words that could start to
  meet it (its one-word alternatives and the first word of each longer one: its ``reach``),
  which is what most groups come to.
"""

from __future__ import annotations

from collections.abc import Mapping

# What a trigger needs: every group; of a group, one alternative; of it, a form of each word.
# A group is (forms of its one-word alternatives, its longer alternatives).
Alt = tuple[frozenset[str], ...]
Group = tuple[frozenset[str], tuple[Alt, ...]]
Need = tuple[Group, ...]


class NeedIndex:
    """Conditional trigger forms -> their distinct needs, each need as group numbers."""

    def __init__(self, conditional: Mapping[str, tuple[Need, ...]]) -> None:
        need_ids: dict[Need, int] = {}
        group_ids: dict[Group, int] = {}
        self.needs: list[tuple[int, ...]] = []  # need number -> its groups' numbers
        # group number -> (reach, one-word forms, longer alternatives)
        self.groups: list[tuple[frozenset[str], frozenset[str], tuple[Alt, ...]]] = []
        self.by_form: dict[str, tuple[int, ...]] = {}
        for form, form_needs in conditional.items():
            numbers: list[int] = []
            for need in form_needs:
                if need not in need_ids:
                    need_ids[need] = len(self.needs)
                    self.needs.append(tuple(self._group(g, group_ids) for g in need))
                if need_ids[need] not in numbers:
                    numbers.append(need_ids[need])
            self.by_form[form] = tuple(numbers)

    def _group(self, group: Group, group_ids: dict[Group, int]) -> int:
        if group not in group_ids:
            single, longer = group
            reach = single.union(*(alt[0] for alt in longer))
            group_ids[group] = len(self.groups)
            self.groups.append((reach, single, longer))
        return group_ids[group]

    def met(self, found: set[str]) -> bool:
        """Is a need of a conditional form among the sentence's words ``found`` met there?"""
        tried: set[int] = set()
        groups: dict[int, bool] = {}
        for form in found & self.by_form.keys():
            for number in self.by_form[form]:
                if number in tried:
                    continue
                tried.add(number)
                for group in self.needs[number]:
                    ok = groups.get(group)
                    if ok is None:
                        ok = groups[group] = self._group_met(group, found)
                    if not ok:
                        break
                else:
                    return True
        return False

    def _group_met(self, number: int, found: set[str]) -> bool:
        reach, single, longer = self.groups[number]
        if found.isdisjoint(reach):
            return False
        if not found.isdisjoint(single):
            return True
        for alt in longer:
            for forms in alt:
                if found.isdisjoint(forms):
                    break
            else:
                return True
        return False
