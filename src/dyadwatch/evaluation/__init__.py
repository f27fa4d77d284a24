"""Evaluation: score the coder against gold event and toponym files."""
