"""Text helpers for Vietnamese names."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip diacritics, đ included: "Trường Hà" → "truong ha"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def clean_name(text: str) -> str:
    """A one-line name as people should see it: NFC, no invisible or control characters, single spaces.

    Format characters (Unicode category Cf: bidirectional embeddings, overrides and isolates, zero-width
    spaces and joiners, the BOM) would make a name display as something it is not, or make two names that
    look the same differ, so they go; control characters and line breaks become spaces. Vietnamese
    diacritics typed in decomposed form (NFD, as some keyboards send them) are composed (NFC).
    """
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        kept.append(" " if category in ("Cc", "Zl", "Zp") else char)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


class CleanNames:
    """Model mixin: the fields in `clean_name_fields` go through clean_name() before validation and every save.

    In the model, so every write path gets it: forms and the admin (full_clean), imports and code (save).
    """

    clean_name_fields: tuple[str, ...] = ()

    def clean_names(self) -> None:
        for name in self.clean_name_fields:
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, clean_name(value))

    def clean_fields(self, exclude=None):
        self.clean_names()  # first, so that a name of invisible characters only is refused as blank
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self.clean_names()
        super().save(*args, **kwargs)
