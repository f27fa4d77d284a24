"""Store: the embedded DuckDB corpus (schema, locks, writes, merging, export).

Stage modules import the submodule they need; ``Store`` is kept here for code written against
the former ``dyadwatch.store`` module.
"""

from dyadwatch.store.store import Store, StoreCounts

__all__ = ["Store", "StoreCounts"]
