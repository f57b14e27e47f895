"""Benchmarks run on demand (``newsgraph benchmark ...``), never as timed tests."""
