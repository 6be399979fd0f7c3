"""The public board's cache: keys name what a page shows, under a version that every publication moves on.

Moving the version on (instead of deleting keys) drops every page at once, whichever keys were built.
"""

import time
from collections.abc import Callable

from django.core.cache import cache

VERSION_KEY = "public-board:version"
# Pages are rebuilt at the latest after this long, even without a publication (a unit renamed, a new programme).
TIMEOUT = 60 * 60


def _version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def invalidate() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set: a clock value differs from every version used so far
        cache.set(VERSION_KEY, time.time_ns(), None)


def cached(parts: tuple, build: Callable[[], object]):
    """`build()` stored under the parts that decide what a page shows."""
    key = ":".join(["public-board", str(_version()), *(str(part) for part in parts)])
    return cache.get_or_set(key, build, TIMEOUT)
