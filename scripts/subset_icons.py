"""Writes static/css/icons.css and static/css/fonts/icons.woff2: the Bootstrap Icons the app uses, and only those.

The full set (static/css/bootstrap-icons.min.css and its 134 KB font, kept as the source) cost a phone on a
400 kbit/s link about 3 s per empty cache for some seventy icons (bench/browser.py, issue #14). Run again after
using a new icon; config/tests/test_icons.py fails until then:

    .venv/bin/python scripts/subset_icons.py
"""

import re
import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCE_CSS = ROOT / "static" / "css" / "bootstrap-icons.min.css"
SOURCE_FONT = ROOT / "static" / "css" / "fonts" / "bootstrap-icons.woff2"
CSS = ROOT / "static" / "css" / "icons.css"
FONT = ROOT / "static" / "css" / "fonts" / "icons.woff2"
# `bi-name` in a class, or `icon="name"` handed to an include that writes `bi-{{ icon }}`.
USES = re.compile(r"""\bbi-([a-z0-9]+(?:-[a-z0-9]+)*)|\bicon=["']([a-z0-9]+(?:-[a-z0-9]+)*)["']""")
RULE = re.compile(r'\.bi-([a-z0-9-]+)::before\{content:"\\([0-9a-f]+)"\}')


def sources() -> list[Path]:
    """Templates, scripts and Python modules, tests and vendored files aside."""
    found = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]
    found += [path for path in ROOT.glob("static/js/*.js") if not path.name.endswith(".min.js")]
    found += [
        path
        for path in ROOT.glob("*/**/*.py")
        if not {"tests", "migrations", ".venv", "bench"} & set(path.relative_to(ROOT).parts)
    ]
    return sorted(found)


def used_names() -> set[str]:
    names = set()
    for path in sources():
        for match in USES.finditer(path.read_text(encoding="utf-8")):
            names.add(match.group(1) or match.group(2))
    return names


def icon_rules() -> dict[str, int]:
    """Every icon of the full set: name → code point."""
    return {name: int(point, 16) for name, point in RULE.findall(SOURCE_CSS.read_text(encoding="utf-8"))}


def wanted() -> dict[str, int]:
    """The icons the app uses (names that are no icon, such as a `bi-` inside another word, fall away)."""
    rules = icon_rules()
    return {name: rules[name] for name in sorted(used_names() & rules.keys())}


def stylesheet(icons: dict[str, int]) -> str:
    rules = "".join(f'.bi-{name}::before{{content:"\\{point:x}"}}' for name, point in icons.items())
    return (
        "/*! Bootstrap Icons v1 subset (MIT, see static/licenses/bootstrap-icons.LICENSE.txt), written by "
        "scripts/subset_icons.py: do not edit */\n"
        '@font-face{font-display:block;font-family:bootstrap-icons;src:url("fonts/icons.woff2") format("woff2")}'
        '.bi::before,[class*=" bi-"]::before,[class^=bi-]::before{display:inline-block;'
        "font-family:bootstrap-icons!important;font-style:normal;font-weight:400!important;font-variant:normal;"
        "text-transform:none;line-height:1;vertical-align:-.125em;-webkit-font-smoothing:antialiased;"
        f"-moz-osx-font-smoothing:grayscale}}{rules}\n"
    )


def main() -> None:
    icons = wanted()
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.name_IDs = ["*"]  # keep the names (copyright, licence) in the font
    font = subset.load_font(str(SOURCE_FONT), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=icons.values())
    subsetter.subset(font)
    subset.save_font(font, str(FONT), options)
    CSS.write_text(stylesheet(icons), encoding="utf-8")
    print(f"{len(icons)} icons: {CSS.relative_to(ROOT)}, {FONT.relative_to(ROOT)} ({FONT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    sys.exit(main())
