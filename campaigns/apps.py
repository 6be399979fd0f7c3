import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate

REFERENCE_DATA = (
    ("0003_criteria_catalogue", "load"),
    ("0006_programmes", "load"),
    ("0011_indicators_thresholds_commune_groups", "load_qd51"),
)


def ensure_reference_data(sender, **kwargs):
    """Reference data (the criteria catalogue, the programmes) comes back after a flush, like content types do.

    The data lives in the migration that first loaded it; each loader is idempotent.
    """
    from django.apps import apps

    for name, loader in REFERENCE_DATA:
        getattr(importlib.import_module(f"campaigns.migrations.{name}"), loader)(apps, None)


class CampaignsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"

    def ready(self):
        post_migrate.connect(ensure_reference_data, sender=self)
        from campaigns.plans import page_parts

        page_parts.connect()  # the plan page's cached lists follow every write to them
