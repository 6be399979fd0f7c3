"""Text helpers for Vietnamese names."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip diacritics, đ included: "Trường Hà" → "truong ha"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
