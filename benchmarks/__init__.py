"""Harnesses that run the whole site on real processes: `make chaos` (benchmarks/chaos.py)."""
