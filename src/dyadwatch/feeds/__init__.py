"""Watching news feeds: polling RSS, Atom, JSON Feed and sitemaps politely, fetching and
extracting the pages they list, and coding the new articles through the same path as
``dyadwatch ingest`` (language detection and near-duplicate detection included).

Modules: ``config`` (the YAML feed list), ``fetch`` (HTTP with limits, robots.txt, per-host
pacing), ``parse`` (feed documents to items), ``pages`` (a page to an Article), ``language`` and
``dedup`` (the checks every ingested article goes through), ``pipeline`` (screen, code, store),
``state`` (per-feed state in the store), ``watch`` (the cycle), ``alerts`` (new signals).
``docs/watch.md`` explains running it for months.
"""
