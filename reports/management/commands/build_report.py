"""Build a movement report to a PDF file, synchronously and without Celery, for operators.

    manage.py build_report --unit 045 --kind final --year 2025 --out tong-ket.pdf
    manage.py build_report --unit "Huyện Hà Quảng" --kind annual --year 2024 --out bao-cao-2024.pdf

--unit takes a code (the current scheme wins when a bare code names units of several schemes;
"legacy:04" picks a scheme) or a unit's exact name. Nothing is written to the database.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.documents import REGISTRY, form_kinds
from reports.models import Report
from reports.pdf import render_pdf
from reports.scope import GROUP_BY_NEW, GROUP_BY_OLD, REPORTING_KINDS, report_year
from units.models import CodeScheme, Unit
from units.text import fold

# The scheme a bare code prefers: the units in force today come first.
SCHEME_ORDER = [CodeScheme.Y2025, CodeScheme.LOCAL, CodeScheme.LEGACY]


def describe(unit: Unit) -> str:
    return f"{unit.name} [{unit.code_scheme}:{unit.code or '-'}, {unit.get_kind_display()}, id {unit.pk}]"


class Command(BaseCommand):
    help = "Build an annual, mid-term (sơ kết) or final (tổng kết) report of a unit to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help='A code ("045", "legacy:04") or an exact unit name')
        parser.add_argument("--kind", required=True, choices=[kind for kind, _label in form_kinds()])
        parser.add_argument(
            "--year", type=int, help="The year of an annual report; a review takes its programme's review year"
        )
        parser.add_argument("--out", required=True, help="The PDF file to write")
        parser.add_argument("--grouping", choices=[GROUP_BY_OLD, GROUP_BY_NEW], default=GROUP_BY_OLD)
        parser.add_argument("--language", default="vi")
        parser.add_argument("--narrative", help='A JSON file: {"results": …, "difficulties": …, "proposals": …}')

    def handle(self, *args, unit, kind, year, out, grouping, language, narrative, **options):
        if kind not in REGISTRY or not REGISTRY[kind].on_form:
            raise CommandError(f"Unknown kind {kind!r}.")
        if REGISTRY[kind].needs_year and not year:
            raise CommandError(f"--year is required for a report of kind {kind!r}.")
        target = self.resolve_unit(unit)
        report = Report(
            kind=kind,
            unit=target,
            year=report_year(kind, year),
            parameters={"grouping": grouping},
            narrative=self.read_narrative(narrative),
            language=language,
        )
        rendered = render_pdf(report)
        path = Path(out).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered.content)
        self.stdout.write(f"{path} ({rendered.pages} pages)")

    def resolve_unit(self, text: str) -> Unit:
        text = text.strip()
        units = Unit.objects.of_kind(*REPORTING_KINDS)
        scheme, _, code = text.rpartition(":") if ":" in text else ("", "", text)
        by_code = list(units.filter(code=code, **({"code_scheme": scheme} if scheme else {})))
        if by_code:
            by_code.sort(key=lambda unit: (SCHEME_ORDER.index(unit.code_scheme), unit.kind, unit.pk))
            chosen = by_code[0]
            if len(by_code) > 1:
                others = "; ".join(describe(unit) for unit in by_code[1:])
                self.stderr.write(
                    f"Code {code} names {len(by_code)} units; using {describe(chosen)}. "
                    f"Others: {others}. Write scheme:code (e.g. legacy:{code}) to pick another."
                )
            return chosen
        # Exact name, any case: "huyện hà quảng" finds Huyện Hà Quảng (SQLite's iexact only folds ASCII).
        by_name = [
            unit for unit in units.filter(search_name=fold(text)).order_by("path") if unit.name.lower() == text.lower()
        ]
        if len(by_name) == 1:
            return by_name[0]
        if by_name:
            listed = "\n  ".join(describe(unit) for unit in by_name)
            raise CommandError(
                f"{len(by_name)} units are named {text!r}:\n  {listed}\nGive a code instead (scheme:code)."
            )
        raise CommandError(f"No province, district, commune or agency has the code or name {text!r}.")

    def read_narrative(self, path: str | None) -> dict:
        if not path:
            return {}
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the narrative file: {error}") from error
        return {key: str(data.get(key, "")) for key in ("results", "difficulties", "proposals")}
