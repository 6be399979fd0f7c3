import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_criteria_catalogue(sender, **kwargs):
    """Reference data comes back after a flush (transactional tests), like content types do.

    The data lives in the migration that first loaded it; its loader is idempotent.
    """
    from django.apps import apps

    migration = importlib.import_module("campaigns.migrations.0003_criteria_catalogue")
    migration.load(apps, None)


class CampaignsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"

    def ready(self):
        post_migrate.connect(ensure_criteria_catalogue, sender=self)
