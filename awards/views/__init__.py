"""Award pages, split by who uses them: the proposer (nominations), the reviewing level (queue), history.

The council and decision pages live in council.py, decisions.py and verify.py (routed by urls_council.py).
"""
