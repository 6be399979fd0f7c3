"""Read a plan's text (.txt, .docx or a PDF with a text layer) and print the draft it proposes. Saves nothing."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from campaigns.plans.importer import as_json, read_plan
from campaigns.plans.importer.files import text_of_bytes
from campaigns.plans.importer.matching import resolve
from units.models import Unit
from units.picker import find

MAX_FILE = 20 * 1024 * 1024


class Command(BaseCommand):
    help = "Print the draft plan a text proposes (--json for the JSON object the README describes). Saves nothing."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--unit", help="The issuing unit (code or name) when the text does not name it")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print the draft as one JSON object")

    def handle(self, *args, path, unit, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        if file.stat().st_size > MAX_FILE:
            raise CommandError(f"{path} is over {MAX_FILE // (1024 * 1024)} MB.")
        try:
            text = text_of_bytes(file.read_bytes())
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        draft = resolve(read_plan(text), unit=self._unit(unit) if unit else None)
        if options.get("as_json"):
            self.stdout.write(_dumps(as_json(draft)))
            return
        for name, proposed in draft.header.items():
            self.stdout.write(f"{name:14} {proposed.status:9} {_short(proposed.value)}  (line {proposed.line or '-'})")
        for name, items in draft.lists.items():
            self.stdout.write(f"{name:14} {len(items)} item(s), {sum(i.status == 'ambiguous' for i in items)} to check")

    def _unit(self, text: str) -> Unit:
        units = find(Unit.objects.all(), text)
        if len(units) != 1:
            names = "; ".join(f"{unit.name} ({unit.code})" for unit in units) or "none"
            raise CommandError(f"--unit {text!r} must name one unit; it matches: {names}")
        return units[0]


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _short(value) -> str:
    text = str(value if value is not None else "")
    return text if len(text) < 90 else text[:87] + "..."
