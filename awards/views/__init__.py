"""Award pages, split by who uses them: the proposer (nominations), the reviewing level (queue), history.

The council and decision pages live in council.py, decisions.py and verify.py (routed by urls_council.py).
"""

from units.fields import BIGINT


def query_int(value: str | None) -> int | None:
    """A whole number from the query string, or None: "²" passes isdigit() but not int(), so isdecimal().
    Past 2**63 it is None too: no row has such a pk, and SQLite cannot compare with it."""
    number = int(value) if value and value.isdecimal() else None
    return number if number is not None and number < BIGINT else None
