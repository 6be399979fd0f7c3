from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_catalogue(sender, **kwargs):
    """Reference data comes back after a flush (transactional tests), like content types do."""
    from awards.catalogue import load_catalogue
    from awards.emulation_titles import load_emulation_titles
    from awards.grant_rules import load_grant_rules

    load_catalogue()
    load_grant_rules()
    load_emulation_titles()


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"

    def ready(self):
        post_migrate.connect(ensure_catalogue, sender=self)
        from awards.services.plan_import import CATALOGUE
        from campaigns.plans.importer.matching import register_award_catalogue

        register_award_catalogue(CATALOGUE)  # the plan importer matches award forms against it
        from awards.services import plan_forms

        plan_forms.connect()  # the plan page's cached award forms follow every change to them
