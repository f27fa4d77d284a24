"""The corpus store's schema: tables, versioned migrations, and how a coded Event becomes rows.

``docs/store.md`` documents every table and column; keep both in step. A migration is a list of
SQL statements run in one transaction, after which ``schema_version`` records its number. Never
edit a released migration: append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from typing import Any

from dyadwatch.records import Actor, Article, Event, Place, Span


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, mentions, actors, events",
        (
            """
            CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                content_hash VARCHAR NOT NULL,
                title VARCHAR,
                url VARCHAR,
                source VARCHAR,
                date DATE,
                language VARCHAR,
                text VARCHAR NOT NULL,
                n_mentions INTEGER NOT NULL,
                coded_at TIMESTAMP NOT NULL
            )
            """,
            """
            CREATE TABLE mentions (
                article_id VARCHAR NOT NULL,
                idx INTEGER NOT NULL,
                id VARCHAR NOT NULL,
                event_id VARCHAR,
                sentence INTEGER NOT NULL,
                modality VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                event_date DATE,
                date_precision VARCHAR NOT NULL,
                merge_date DATE,
                merge_key VARCHAR,
                cameo_code VARCHAR NOT NULL,
                cameo_name VARCHAR NOT NULL,
                cameo_root VARCHAR NOT NULL,
                quad_class INTEGER NOT NULL,
                goldstein DOUBLE NOT NULL,
                plover_type VARCHAR NOT NULL,
                plover_mode VARCHAR,
                plover_context VARCHAR[] NOT NULL,
                source_name VARCHAR,
                source_country VARCHAR,
                source_sector VARCHAR,
                source_code VARCHAR,
                target_name VARCHAR,
                target_country VARCHAR,
                target_sector VARCHAR,
                target_code VARCHAR,
                evidence_sentence VARCHAR NOT NULL,
                sentence_start INTEGER NOT NULL,
                trigger_text VARCHAR NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                rule VARCHAR NOT NULL,
                grp VARCHAR,
                place_name VARCHAR,
                place_geonames_id BIGINT,
                place_feature VARCHAR,
                place_country VARCHAR,
                place_admin1 VARCHAR,
                place_lat DOUBLE,
                place_lon DOUBLE,
                event_json JSON NOT NULL,
                PRIMARY KEY (article_id, idx)
            )
            """,
            "CREATE INDEX mentions_event ON mentions (event_id)",
            """
            CREATE TABLE actors (
                article_id VARCHAR NOT NULL,
                mention_idx INTEGER NOT NULL,
                role VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                name VARCHAR NOT NULL,
                country VARCHAR,
                sector VARCHAR,
                cameo_code VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                reason VARCHAR NOT NULL,
                PRIMARY KEY (article_id, mention_idx, role)
            )
            """,
            """
            CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY,
                global_id BIGINT NOT NULL,
                mergeable BOOLEAN NOT NULL,
                merge_key VARCHAR,
                root_article_id VARCHAR NOT NULL,
                root_idx INTEGER NOT NULL,
                source_name VARCHAR,
                source_country VARCHAR,
                source_sector VARCHAR,
                source_code VARCHAR,
                target_name VARCHAR,
                target_country VARCHAR,
                target_sector VARCHAR,
                target_code VARCHAR,
                cameo_code VARCHAR NOT NULL,
                cameo_name VARCHAR NOT NULL,
                cameo_root VARCHAR NOT NULL,
                quad_class INTEGER NOT NULL,
                goldstein DOUBLE NOT NULL,
                plover_type VARCHAR NOT NULL,
                plover_mode VARCHAR,
                plover_context VARCHAR[] NOT NULL,
                modality VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                first_date DATE,
                last_date DATE,
                place_name VARCHAR,
                place_geonames_id BIGINT,
                place_feature VARCHAR,
                place_country VARCHAR,
                place_admin1 VARCHAR,
                place_lat DOUBLE,
                place_lon DOUBLE,
                place_article_id VARCHAR,
                place_idx INTEGER,
                n_mentions INTEGER NOT NULL,
                n_asserted INTEGER NOT NULL,
                n_articles INTEGER NOT NULL,
                n_sources INTEGER NOT NULL,
                added_at TIMESTAMP
            )
            """,
        ),
    ),
    Migration(
        2,
        "copies, dedup signatures, watched feeds and their items, watch signals",
        (
            "ALTER TABLE articles ADD COLUMN copy_of VARCHAR",
            """
            CREATE TABLE article_minhash (
                article_id VARCHAR PRIMARY KEY,
                seq BIGINT NOT NULL,
                minhash BLOB NOT NULL
            )
            """,
            """
            CREATE TABLE feeds (
                url VARCHAR PRIMARY KEY,
                outlet VARCHAR NOT NULL,
                etag VARCHAR,
                last_modified VARCHAR,
                last_poll TIMESTAMP,
                last_success TIMESTAMP,
                last_error VARCHAR,
                last_error_at TIMESTAMP,
                failures INTEGER NOT NULL DEFAULT 0,
                next_poll TIMESTAMP,
                disabled BOOLEAN NOT NULL DEFAULT false,
                articles BIGINT NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE feed_items (
                url VARCHAR PRIMARY KEY,
                feed_url VARCHAR NOT NULL,
                article_id VARCHAR,
                status VARCHAR NOT NULL,
                problem VARCHAR,
                tries INTEGER NOT NULL,
                seen_at TIMESTAMP NOT NULL
            )
            """,
            """
            CREATE TABLE watch_signals (
                key VARCHAR PRIMARY KEY,
                found_at TIMESTAMP NOT NULL,
                signal_json JSON NOT NULL
            )
            """,
        ),
    ),
    Migration(
        3,
        "mentions: modality cue and the speaker an event is attributed to",
        (
            "ALTER TABLE mentions ADD COLUMN modality_cue VARCHAR",
            "ALTER TABLE mentions ADD COLUMN modality_cue_start INTEGER",
            "ALTER TABLE mentions ADD COLUMN modality_cue_end INTEGER",
            "ALTER TABLE mentions ADD COLUMN attributed_name VARCHAR",
            "ALTER TABLE mentions ADD COLUMN attributed_country VARCHAR",
            "ALTER TABLE mentions ADD COLUMN attributed_code VARCHAR",
        ),
    ),
    Migration(
        4,
        "events carry their representative report's evidence and article",
        (
            *(
                f"ALTER TABLE events ADD COLUMN {name} {kind}"
                for name, kind in (
                    ("evidence_sentence", "VARCHAR"),
                    ("sentence_start", "INTEGER"),
                    ("trigger_text", "VARCHAR"),
                    ("trigger_start", "INTEGER"),
                    ("trigger_end", "INTEGER"),
                    ("outlet", "VARCHAR"),
                    ("title", "VARCHAR"),
                    ("url", "VARCHAR"),
                    ("language", "VARCHAR"),
                )
            ),
            """
            UPDATE events SET evidence_sentence = m.evidence_sentence,
                   sentence_start = m.sentence_start, trigger_text = m.trigger_text,
                   trigger_start = m.trigger_start, trigger_end = m.trigger_end,
                   outlet = a.source, title = a.title, url = a.url, language = a.language
            FROM mentions m, articles a
            WHERE m.article_id = events.root_article_id AND m.idx = events.root_idx
              AND a.id = events.root_article_id
            """,
        ),
    ),
)

MIGRATIONS += (
    Migration(
        5,
        "merge reasons, dateline places, headlines, province names",
        (
            "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS merge_reason VARCHAR",
            "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS place_from_dateline BOOLEAN DEFAULT false",
            "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS headline BOOLEAN DEFAULT false",
            "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS place_admin1_name VARCHAR",
            "ALTER TABLE events ADD COLUMN IF NOT EXISTS place_admin1_name VARCHAR",
            # Older reports: what their stored Event says.
            """
            UPDATE mentions SET
                place_from_dateline = coalesce(
                    (event_json->'place'->>'from_dateline')::BOOLEAN, false),
                place_admin1_name = event_json->'place'->>'admin1_name'
            """,
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("title", "VARCHAR"),
    ("url", "VARCHAR"),
    ("source", "VARCHAR"),
    ("date", "DATE"),
    ("language", "VARCHAR"),
    ("text", "VARCHAR"),
    ("n_mentions", "INTEGER"),
    ("coded_at", "TIMESTAMP"),
    ("copy_of", "VARCHAR"),
)
"""(name, type) of the ``articles`` columns, in table order (for bulk inserts)."""

MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"),
    ("idx", "INTEGER"),
    ("id", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("sentence", "INTEGER"),
    ("modality", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("event_date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("merge_date", "DATE"),
    ("merge_key", "VARCHAR"),
    ("cameo_code", "VARCHAR"),
    ("cameo_name", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("plover_context", "VARCHAR[]"),
    ("source_name", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_sector", "VARCHAR"),
    ("source_code", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_sector", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("evidence_sentence", "VARCHAR"),
    ("sentence_start", "INTEGER"),
    ("trigger_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("rule", "VARCHAR"),
    ("grp", "VARCHAR"),
    ("place_name", "VARCHAR"),
    ("place_geonames_id", "BIGINT"),
    ("place_feature", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("place_admin1", "VARCHAR"),
    ("place_lat", "DOUBLE"),
    ("place_lon", "DOUBLE"),
    ("event_json", "JSON"),
    # added by migration 3, so after event_json
    ("modality_cue", "VARCHAR"),
    ("modality_cue_start", "INTEGER"),
    ("modality_cue_end", "INTEGER"),
    ("attributed_name", "VARCHAR"),
    ("attributed_country", "VARCHAR"),
    ("attributed_code", "VARCHAR"),
    # added by migration 5
    ("merge_reason", "VARCHAR"),
    ("place_from_dateline", "BOOLEAN"),
    ("headline", "BOOLEAN"),
    ("place_admin1_name", "VARCHAR"),
)
"""(name, type) of the ``mentions`` columns, in table order."""

ACTOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"),
    ("mention_idx", "INTEGER"),
    ("role", "VARCHAR"),
    ("text", "VARCHAR"),
    ("start_char", "INTEGER"),
    ("end_char", "INTEGER"),
    ("name", "VARCHAR"),
    ("country", "VARCHAR"),
    ("sector", "VARCHAR"),
    ("cameo_code", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("reason", "VARCHAR"),
)
"""(name, type) of the ``actors`` columns, in table order."""

MENTION_EVENT_ID = [name for name, _ in MENTION_COLUMNS].index("event_id")
"""Position of ``event_id`` in a mention row."""

MENTION_REASON = [name for name, _ in MENTION_COLUMNS].index("merge_reason")
"""Position of ``merge_reason`` in a mention row."""


def article_row(article: Article, n_mentions: int, coded_at: datetime) -> list[Any]:
    """The ``articles`` row of a stored article (in ``ARTICLE_COLUMNS`` order)."""
    return [
        article.id,
        article.content_hash,
        article.title,
        article.url,
        article.source,
        article.date,
        article.language,
        article.text,
        n_mentions,
        coded_at,
        None,  # copy_of: set by the ingest pipeline in the same transaction
    ]


CREATING_MODALITIES = frozenset({"asserted"})
"""Mentions of these modalities create merged events (and join them)."""

ATTACHING_MODALITIES = frozenset({"hedged", "future"})
"""Mentions of these modalities join a matching merged event but never create one."""

REFERRING_MODALITIES = frozenset({"historical"})
"""Mentions of these modalities refer to an earlier event: they join it when the store has it
(within ``merge.REFERENCE_LOOKBACK_DAYS``), else stay reports of no event."""

PRECISE_DATES = frozenset({"day", "week"})
"""Event-date precisions good enough to merge on; coarser dates are not merged."""


def merge_date(event: Event, article: Article) -> Date | None:
    """The date a mention is merged on: the event's own date when it is precise enough, the
    article's date when the event has none, and no date (no merging) for a month or year."""
    when = event.date
    if when.value is not None and (when.precision in PRECISE_DATES or when.precision == "unknown"):
        return when.value
    if when.value is None:
        return article.date
    return None


def merge_key(event: Event) -> str | None:
    """The dyad a mention can merge within: source and target country and sector.

    ``None`` (the mention is not merged across articles) when there is no source actor or when an
    actor present has no country: "police" or "protesters" of no known country are not the same
    actors from one article to the next.
    """
    source, target = event.source, event.target
    if source is None or source.country is None:
        return None
    if target is not None and target.country is None:
        return None
    parts = [source.country, source.sector or ""]
    parts += [target.country or "", target.sector or ""] if target is not None else ["", ""]
    return "|".join(parts)


def _actor_columns(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None, None, None, None]
    return [actor.name, actor.country, actor.sector, actor.cameo_code]


def _attributed_columns(speaker: Actor | None) -> list[Any]:
    if speaker is None:
        return [None, None, None]
    return [speaker.name, speaker.country, speaker.cameo_code]


def _cue_columns(cue: Span | None) -> list[Any]:
    return [None, None, None] if cue is None else [cue.text, cue.start, cue.end]


def _place_columns(place: Place | None) -> list[Any]:
    if place is None:
        return [None] * 7
    return [
        place.name,
        place.geonames_id,
        place.feature,
        place.country,
        place.admin1,
        place.lat,
        place.lon,
    ]


def mention_row(article: Article, idx: int, event: Event) -> list[Any]:
    """The ``mentions`` row of one coded Event (in ``MENTION_COLUMNS`` order), not yet merged
    (``event_id`` is None)."""
    cameo, plover, evidence = event.cameo, event.plover, event.evidence
    return [
        article.id,
        idx,
        event.id,
        None,
        event.sentence,
        event.modality,
        event.confidence,
        event.date.value,
        event.date.precision,
        merge_date(event, article),
        merge_key(event),
        cameo.code,
        cameo.name,
        cameo.root,
        cameo.quad_class,
        cameo.goldstein,
        plover.type,
        plover.mode,
        list(plover.context),
        *_actor_columns(event.source),
        *_actor_columns(event.target),
        evidence.sentence,
        evidence.sentence_start,
        evidence.trigger.text,
        evidence.trigger.start,
        evidence.trigger.end,
        evidence.rule,
        event.group,
        *_place_columns(event.place),
        event.to_json(),
        *_cue_columns(evidence.modality_cue),
        *_attributed_columns(evidence.attributed_to),
        None,
        event.place is not None and event.place.from_dateline,
        is_headline(article, event),
        event.place.admin1_name if event.place is not None else None,
    ]


def is_headline(article: Article, event: Event) -> bool:
    """Whether the report comes from the article's headline: the first line of a text that
    goes on, when it carries no closing full stop (a headline, not a lead sentence)."""
    if event.evidence.sentence_start != 0:
        return False
    first, newline, rest = article.text.lstrip().partition("\n")
    return bool(newline and rest.strip()) and not first.rstrip().endswith((".", "!", "?", '"'))


def actor_rows(article: Article, idx: int, event: Event) -> list[list[Any]]:
    """The ``actors`` rows of one coded Event (in ``ACTOR_COLUMNS`` order)."""
    rows = []
    for role, actor in (("source", event.source), ("target", event.target)):
        if actor is not None:
            rows.append(
                [
                    article.id,
                    idx,
                    role,
                    actor.text,
                    actor.start,
                    actor.end,
                    actor.name,
                    actor.country,
                    actor.sector,
                    actor.cameo_code,
                    actor.kind,
                    actor.reason,
                ]
            )
    return rows
