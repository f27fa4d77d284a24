"""A small hand-built store for the query, export and API tests: events between countries,
organisations (ECOWAS, OSCE), sectors and an unknown actor; places, outlets, languages,
hedged reports and an undated event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from dyadwatch.records import Article, Event, Place
from dyadwatch.store.store import Store

from fake_coder import build_event

BAMAKO = Place("Bamako", 2460596, "city", "MLI", "08", 12.65, -8.0)
KYIV = Place("Kyiv", 703448, "city", "UKR", "12", 50.45, 30.52)
IGOS = ("IGOWAS", "IGOSCE", "IGOUNOUNSC")
PARIS = Place("Paris", 2988507, "city", "FRA", "11", 48.85, 2.35)


def igo(event: Event, role: str) -> Event:
    """The event with its ``role`` actor marked as an international organisation."""
    actor = getattr(event, role)
    return replace(event, **{role: replace(actor, kind="igo")})


def articles() -> list[tuple[Article, list[Event]]]:
    out: list[tuple[Article, list[Event]]] = []

    def add(
        aid: str, text: str, outlet: str, day: date | None, lang: str = "en", **kw: object
    ) -> None:
        article = Article(aid, text, title=f"Title {aid}", url=f"https://news.example/{aid}",
                          source=outlet, date=day, language=lang)  # fmt: skip
        event = build_event(article, when=day, **kw)  # type: ignore[arg-type]
        if kw.get("source", ("", ""))[0] in IGOS:  # type: ignore[index]
            event = igo(event, "source")
        if kw.get("target", ("", ""))[0] in IGOS:  # type: ignore[index]
            event = igo(event, "target")
        out.append((article, [event]))

    add(
        "e1",
        "ECOWAS suspended Mali after the coup.",
        "Wire",
        date(2024, 1, 10),
        source=("IGOWAS", None),
        target=("MLI", "GOV"),
        code="172",
        plover="SANCTION",
        place=BAMAKO,
        trigger="suspended",
    )
    add(
        "e2",
        "Mali criticized ECOWAS on 100% of counts.",
        "Daily",
        date(2024, 2, 3),
        "fr",
        source=("MLI", "GOV"),
        target=("IGOWAS", None),
        code="111",
        plover="DISAPPROVE",
        trigger="criticized",
    )
    add(
        "o1",
        "The OSCE met Ukraine in Kyiv.",
        "Wire",
        date(2024, 3, 1),
        source=("IGOSCE", None),
        target=("UKR", "GOV"),
        place=KYIV,
        trigger="met",
    )
    add(
        "u1",
        "US troops attacked militants in Iraq.",
        "Wire",
        date(2024, 3, 5),
        source=("USA", "MIL"),
        target=("IRQ", "REB"),
        code="190",
        plover="ASSAULT",
        trigger="attacked",
    )
    add(
        "u2",
        "US troops attacked militants again, said officials.",
        "Daily",
        date(2024, 3, 5),
        source=("USA", "MIL"),
        target=("IRQ", "REB"),
        code="190",
        plover="ASSAULT",
        trigger="attacked",
    )
    add(
        "g1",
        "Gunmen attacked a French convoy near Paris.",
        "Local",
        date(2024, 4, 2),
        source=(None, "UAF"),
        target=("FRA", "MIL"),
        code="190",
        plover="ASSAULT",
        place=PARIS,
        trigger="attacked",
    )
    add(
        "s1",
        "The UN Security Council criticized Russia.",
        "Wire",
        date(2024, 4, 20),
        source=("IGOUNOUNSC", None),
        target=("RUS", "GOV"),
        code="111",
        plover="DISAPPROVE",
        trigger="criticized",
    )
    add(
        "h1",
        "Russia reportedly met China under_score.",
        "Wire",
        date(2024, 5, 1),
        source=("RUS", "GOV"),
        target=("CHN", "GOV"),
        modality="hedged",
        trigger="met",
        cue="reportedly",
    )
    add(
        "n1",
        "France met Germany some day.",
        "Daily",
        None,
        source=("FRA", "GOV"),
        target=("DEU", "GOV"),
        trigger="met",
    )
    return out


def build(path: Path) -> Path:
    with Store.open(path) as store:
        store.add_many(articles())
    return path
