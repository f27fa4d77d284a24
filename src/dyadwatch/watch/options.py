"""The defaults of signal detection and reports, declared once.

The library functions (``find_signals``, ``detect_signals``, ``shift_test``, the store's SQL
signals), the CLI options, the API's query parameters and the dashboard all take their defaults
from :data:`SIGNALS` and :data:`REPORTS`, so a default cannot differ between them.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PERIOD = "month"
"""The calendar period series, signals and reports are counted in unless told otherwise."""


@dataclass(frozen=True)
class SignalOptions:
    """The knobs of signal detection (see ``watch/signals.py`` for what each one does)."""

    by: str = DEFAULT_PERIOD
    """Calendar period the series is counted in."""
    max_window: int = 6
    """Longest window (in periods) tried when no window is given."""
    min_count: int = 3
    """Fewest events in the window for a rise (expected, for a fall)."""
    min_history: int = 3
    """Fewest baseline periods before the window."""
    min_prior: int = 3
    """Fewest earlier events a dyad needs before a type's first occurrence counts as a first."""
    alpha: float = 0.01
    """Largest adjusted p-value reported."""
    evidence: int = 5
    """Events shown per signal."""


@dataclass(frozen=True)
class ReportOptions:
    """The knobs of a dyad report."""

    by: str = DEFAULT_PERIOD
    max_events: int = 500
    """Events listed in the report's event table; the rest are counted."""


SIGNALS = SignalOptions()
REPORTS = ReportOptions()
