"""The programme period is data: product code names no programme year and no criteria count.

A year written in code (2021, 2025, "sơ kết 2023") or a count of criteria (19) is right for one programme and
wrong for the next. Data migrations, demo and generated data, and tests may hold them; this test reads every
other .py and .html file of the project and fails on the first it finds.
"""

import ast
import os
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Not product code: migrations (data may hold years), tests, demo and generated national data, the benchmark.
SKIPPED_DIRS = {".venv", "node_modules", ".git", "migrations", "tests", "demo", "demo_data", "national_data", "bench"}
# Reference data in a module of its own: legal texts with their dates and sources, loaded by a data migration.
DATA_FILES = {"awards/grant_rules.py", "awards/emulation_titles.py"}
YEARS = range(2020, 2036)
# A year as a period or label, not one inside a legal number or date ("152/2025", "07/2025", "2025-07").
YEAR = re.compile(r"(?<![\w/])20[23]\d(?![\w/])(?!-\d\d(?!\d))")
# The date of a legal text, in its own words: "ngày 31 tháng 12 năm 2023".
LEGAL_DATE = re.compile(r"tháng \d{1,2} năm 20\d\d")
CRITERIA_COUNT = 19
# Literals that name a year without being a programme year, each with its reason.
ALLOWED = {
    # Legal regimes, stored values of LegalRegime: the year a regime began, not a programme year.
    ("awards/models/catalogue.py", "2024"),
    ("awards/models/catalogue.py", "2025"),
    # The OCOP rules version is named after its decision, QĐ 148/QĐ-TTg of 2023.
    ("campaigns/models/progress.py", "QĐ 148/QĐ-TTg (2023)"),
    # An example of a criteria set's code in its help text.
    ("campaigns/models/criteria.py", "e.g. qd318-xa-2021"),
    # A random seed that happens to read like a year; changing it would change the generated data.
    ("campaigns/management/commands/generate_national_data.py", 2021),
}
# The 2025 reform is a date in the units' history, not a programme year.
ALLOWED_HTML = re.compile(r"the 2025 reform")


def product_files(suffix: str):
    for directory, subdirectories, names in os.walk(ROOT):
        subdirectories[:] = sorted(name for name in subdirectories if name not in SKIPPED_DIRS)
        for name in sorted(names):
            relative = (Path(directory) / name).relative_to(ROOT)
            product = name.endswith(suffix) and not name.startswith(("demo", "test_", "conftest"))
            if product and str(relative) not in DATA_FILES:
                yield relative


def docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def date_arguments(tree: ast.AST) -> set[int]:
    """The year of date(2025, 7, 1) is a date's, which is allowed."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("date", "datetime"):
                found.update(id(argument) for argument in node.args)
    return found


def python_findings(relative: Path, source: str) -> list[str]:
    tree = ast.parse(source)
    skipped = docstring_nodes(tree) | date_arguments(tree)
    findings = []
    for node in ast.walk(tree):
        where = f"{relative}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Name | ast.Attribute) and "CRITERIA_COUNT" in (
            getattr(node, "id", None),
            getattr(node, "attr", None),
        ):
            findings.append(f"{where} names CRITERIA_COUNT")
        if not isinstance(node, ast.Constant) or id(node) in skipped or (str(relative), node.value) in ALLOWED:
            continue
        value = node.value
        if type(value) is int and (value in YEARS or value == CRITERIA_COUNT):
            findings.append(f"{where} {value}")
        elif isinstance(value, str) and YEAR.search(LEGAL_DATE.sub("", value)):
            findings.append(f"{where} {value[:80]!r}")
    return findings


def template_findings(relative: Path, text: str) -> list[str]:
    text = ALLOWED_HTML.sub("", re.sub(r"\{#.*?#\}", "", text, flags=re.S))
    findings = []
    for pattern in (YEAR, re.compile(rf"\b{CRITERIA_COUNT}\b")):
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            findings.append(f"{relative}:{line} {text[max(0, match.start() - 30) : match.end() + 30]!r}")
    return findings


def test_product_code_names_no_programme_year_and_no_criteria_count():
    findings = []
    for relative in product_files(".py"):
        findings += python_findings(relative, (ROOT / relative).read_text(encoding="utf-8"))
    for relative in product_files(".html"):
        findings += template_findings(relative, (ROOT / relative).read_text(encoding="utf-8"))

    assert findings == []


def test_the_scan_finds_what_the_code_used_to_say():
    """The scan itself can fail: each form the period used to be written in is caught."""
    samples = {
        "YEARS = range(2021, 2026)": 2,
        "FIRST_YEAR = 2021": 1,
        "CRITERIA_COUNT = 19": 2,
        "full = len(criteria) or 19": 1,
        'label = "giai đoạn 2021-2025 (tổng kết)"': 1,
        'note = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023"': 0,
        "REFORM = datetime.date(2025, 7, 1)": 0,
    }
    for source, expected in samples.items():
        assert len(python_findings(Path("sample.py"), source)) == expected, source

    assert template_findings(Path("t.html"), "{% translate 'Enter the 19 criteria' %}")
    assert template_findings(Path("t.html"), "Sơ kết 2023")
    assert not template_findings(Path("t.html"), "{# sơ kết 2023 #}after the 2025 reform, 07/2025")
