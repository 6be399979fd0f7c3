from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_statistics_forms(sender, **kwargs):
    """The statistics forms are reference data: they come back after a flush (transactional tests), as
    content types do. Loaded only when missing, so a form an administrator edited is left alone."""
    from django.apps import apps as global_apps

    from reports.statistics.layouts import load

    apps = kwargs.get("apps") or global_apps  # a flush sends none
    if not apps.get_model("reports", "StatisticsForm").objects.exists():
        load(apps)


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self):
        post_migrate.connect(ensure_statistics_forms, sender=self)
