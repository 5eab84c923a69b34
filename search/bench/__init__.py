"""`make bench`: a synthetic corpus, the library's query layer against the alternatives, and
the library page under concurrent load. A benchmark, not a test: it prints figures."""
