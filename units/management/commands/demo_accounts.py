"""Print the demo accounts (username, role, unit, password) so whoever runs `make run` can log in."""

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from units.models import CodeScheme, Unit, User

# Named by dotted path so that product code never imports demo code (see .importlinter).
DEMO_ACCOUNTS = import_string("units.demo.DEMO_ACCOUNTS")
DEMO_PASSWORD = import_string("units.demo.DEMO_PASSWORD")


class Command(BaseCommand):
    help = "List the demo accounts loaded by load_demo, with their roles, units and password."

    def handle(self, *args, **options):
        usernames = [row[0] for row in DEMO_ACCOUNTS]
        users = {user.username: user for user in User.objects.filter(username__in=usernames)}
        if not users:
            self.stdout.write("No demo accounts yet: run `manage.py load_demo`.")
            return
        rows = [("Username", "Role", "Unit", "Password")]
        for username in usernames:
            if username in users:
                rows += account_rows(users[username])
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for number, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))


def account_rows(user: User) -> list[tuple[str, str, str, str]]:
    """One row per membership; a superuser without one gets a single row."""
    # The password shown is the one load_demo sets; someone may have changed it since.
    memberships = user.memberships.select_related("unit").order_by("pk")
    rows = [(user.username, str(m.get_role_display()), unit_label(m.unit), DEMO_PASSWORD) for m in memberships]
    if user.is_superuser and not rows:
        rows.append((user.username, "Superuser", "(all units)", DEMO_PASSWORD))
    return rows


def unit_label(unit: Unit) -> str:
    # The same name exists before and from 07/2025 (Tỉnh Cao Bằng), so say which one.
    if unit.code_scheme == CodeScheme.LOCAL:
        return str(unit)
    return f"{unit} ({unit.get_code_scheme_display()})"
