"""Award pages, split by who uses them: the proposer (nominations), the reviewing level (queue), history.

The council and decision pages live in council.py, decisions.py and verify.py (routed by urls_council.py).
"""


def query_int(value: str | None) -> int | None:
    """A whole number from the query string, or None: "²" passes isdigit() but not int(), so isdecimal()."""
    return int(value) if value and value.isdecimal() else None
