"""The measurement both benchmarks use: time, queries and peak memory of one call."""

import statistics
import time
import tracemalloc


def measure(call, rounds, warmup=5):
    """Run ``call`` (no arguments) ``warmup`` times, then ``rounds`` times timed; then once
    counting database queries and once tracing memory. Returns the figures and the last
    result of ``call``."""
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        call()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    # CaptureQueriesContext counts by the length of a bounded log: empty it first.
    connections["default"].queries_log.clear()
    with CaptureQueriesContext(connections["default"]) as queries:
        call()
    # Count now: the next request's request_started signal empties the log.
    query_count = len(queries.captured_queries)
    tracemalloc.start()
    call()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times.sort()
    figures = {
        "median_ms": statistics.median(times) * 1000,
        "p90_ms": times[int(len(times) * 0.9) - 1] * 1000,
        "queries": query_count,
        "peak_kib": peak / 1024,
    }
    return figures, result
