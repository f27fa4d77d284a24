"""Watch: dyad time series, signals with their evidence, and reports."""
