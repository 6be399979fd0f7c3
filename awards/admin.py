from django.contrib import admin

from awards.models import AwardForm


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "authority_level", "valid_from", "valid_to", "rank"]
    list_filter = ["category", "authority_level"]
    search_fields = ["name", "short_name", "authority_title"]
    # Searched rather than listed: a province may hold thousands of plans.
    autocomplete_fields = ["plans"]
