"""Knowledge tables shipped with dyadwatch (read through ``importlib.resources``).

A package rather than a bare folder so ``importlib.resources.files("dyadwatch.data")`` finds the
tables the same way from a source checkout and from an installed wheel.
"""
