"""Benchmarks and fault harnesses that run the whole site on real processes; nothing in the
product imports them, and only their own settings (`benchmarks.settings`) install this app.

- `make bench`: a synthetic corpus (`corpus`), the library's query layer against the
  alternatives (`measure`), and the library page under concurrent load (`load`), run by the
  `bench_library` command. It prints figures; it is not a test.
- `make chaos` (`chaos`): faults against a three-node cluster under load, in one table.
"""
