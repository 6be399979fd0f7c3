"""The pages load a subset of Bootstrap Icons (scripts/subset_icons.py): every icon the app names is in it."""

import importlib.util
import re
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent.parent
spec = importlib.util.spec_from_file_location("subset_icons", ROOT / "scripts" / "subset_icons.py")
subset_icons = importlib.util.module_from_spec(spec)
spec.loader.exec_module(subset_icons)


def subset_rules() -> dict[str, int]:
    css = subset_icons.CSS.read_text(encoding="utf-8")
    return {name: int(point, 16) for name, point in subset_icons.RULE.findall(css)}


def test_every_icon_the_templates_name_is_in_the_subset_stylesheet():
    missing = set(subset_icons.wanted()) - set(subset_rules())
    assert missing == set(), f"run .venv/bin/python scripts/subset_icons.py for {sorted(missing)}"


def test_the_subset_font_draws_every_icon_of_the_subset_stylesheet_and_is_small():
    drawn = set(TTFont(subset_icons.FONT).getBestCmap())
    rules = subset_rules()
    assert rules and set(rules.values()) <= drawn
    assert subset_icons.FONT.stat().st_size < 20_000  # the full set is 134 KB


def test_an_icon_handed_to_an_include_counts_as_used(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text('{% include "home/_shortcut.html" with icon="inboxes" %}<i class="bi bi-gear"></i> bi-nothing')
    monkeypatch.setattr(subset_icons, "sources", lambda: [page])
    assert set(subset_icons.wanted()) == {"inboxes", "gear"}


def test_pages_link_the_subset_not_the_full_set():
    for template in ("base.html", "500.html"):
        html = (ROOT / "templates" / template).read_text(encoding="utf-8")
        assert re.search(r"css/icons\.css", html) and "bootstrap-icons.min.css" not in html, template
