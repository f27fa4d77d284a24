"""The Coder's batch loop: what reaches the parser."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coder import Coder, make_article
from dyadwatch.settings import Settings

SPORT = (
    "Senegal's national football team defeated Egypt on penalties in the final of the "
    "tournament in Dakar. The coach praised his players, and the striker said the squad had "
    "learned from last season's defeat in the league."
)
POLITICS = "Algeria's president met the commander of US Africa Command in Algiers on Tuesday."


class _Spy:
    """Wraps ``nlp.pipe`` and records the texts it is given."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe
        self.texts: list[str] = []

    def __call__(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        listed = list(texts)
        self.texts += listed
        return self.pipe(listed, **kwargs)


@pytest.mark.model
@pytest.mark.parametrize("prefilter", [True, False])
def test_a_discarded_story_is_not_parsed_with_the_prefilter(
    coder: Coder, monkeypatch: pytest.MonkeyPatch, prefilter: bool
) -> None:
    local = Coder(Settings(prefilter=prefilter), nlp=coder.nlp, knowledge=coder.knowledge)
    spy = _Spy(coder.nlp.pipe)
    monkeypatch.setattr(coder.nlp, "pipe", spy)
    sport = make_article(SPORT, date="2024-05-02")
    politics = make_article(POLITICS, date="2024-05-02")
    coded = list(local.code_articles([sport, politics]))
    assert [c.article.id for c in coded] == [sport.id, politics.id]
    assert coded[0].events == () and coded[0].error is None
    assert coded[1].events  # the batch goes on past the skipped story
    parsed_sport = any("football" in text for text in spy.texts)
    assert parsed_sport is not prefilter  # without the pre-filter every story is parsed


@pytest.mark.model
def test_the_gazetteer_cache_setting_names_the_folder(coder: Coder, tmp_path: Path) -> None:
    local = Coder(
        Settings(gazetteer_cache=str(tmp_path / "gz")), nlp=coder.nlp, knowledge=coder.knowledge
    )
    assert local.place_resolver.gazetteer.lookup("Algiers")
    assert [p.name.startswith("gazetteer-") for p in (tmp_path / "gz").iterdir()] == [True]


def test_a_given_prefilter_is_the_one_used() -> None:
    from dyadwatch.events.prefilter import PreFilter

    prefilter = PreFilter.build(names=["Algeria"], roles=[], trigger_lemmas=["meet"])
    coder = Coder(Settings.from_env(prefilter=True), prefilter=prefilter)
    assert coder.prefilter is prefilter
    text = "The weather was fine. Algeria met Mali."
    assert coder.parse_text(make_article(text)) == prefilter.apply(text)[0]
