"""The Vietnamese catalogue is complete: every msgid in the code has a reviewed translation."""

import gettext
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

PO = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def read_entries(path: Path) -> list[dict]:
    """A small .po reader: msgid, msgstr (plural forms joined) and flags of each entry."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry and entry.get("msgid") is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {"flags": "", "msgstr": []}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#~") or line.startswith("#"):
            continue
        elif line.startswith("msgid_plural") or line.startswith("msgctxt"):
            field = None
        elif line.startswith("msgid "):
            entry["msgid"], field = line[7:-1], "msgid"
        elif line.startswith("msgstr"):
            entry["msgstr"].append(line.split(" ", 1)[1][1:-1])
            field = "msgstr"
        elif line.startswith('"') and field == "msgid":
            entry["msgid"] += line[1:-1]
        elif line.startswith('"') and field == "msgstr":
            entry["msgstr"][-1] += line[1:-1]
    return [e for e in entries if e["msgid"]]


def untranslated(path: Path) -> list[str]:
    return [e["msgid"] for e in read_entries(path) if "fuzzy" in e["flags"] or not all(e["msgstr"])]


def test_the_committed_catalogue_has_no_untranslated_or_fuzzy_entry():
    assert PO.exists()
    assert untranslated(PO) == []


SOURCE_DIRS = ["config", "units", "campaigns", "awards", "reports", "templates"]


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="needs GNU gettext (make test installs it)")
def test_every_string_in_the_code_is_in_the_catalogue_and_translated(tmp_path, settings, monkeypatch):
    # makemessages writes into ./locale of the folder it runs in: run it in a copy that links the
    # sources, so the committed catalogue is checked, never rewritten.
    copy = tmp_path / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(PO, copy)
    for name in SOURCE_DIRS:
        (tmp_path / name).symlink_to(Path(settings.BASE_DIR) / name)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)

    call_command("makemessages", locale=["vi"], verbosity=0, no_obsolete=True, symlinks=True)

    missing = untranslated(copy)
    assert missing == [], f"run `make messages` and translate: {missing[:20]}"


def test_the_compiled_catalogue_matches_the_source():
    """A stale .mo would show English where the .po has Vietnamese."""
    with PO.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    singles = [e for e in read_entries(PO) if len(e["msgstr"]) == 1 and "\\" not in e["msgid"] + e["msgstr"][0]]
    stale = [e["msgid"] for e in singles if catalogue.gettext(e["msgid"]) != e["msgstr"][0]]
    assert stale == []
