from django.contrib import admin

from awards.models import BaseSalary, GrantRule


# A decree that replaces NĐ 152/2025, or a new base salary, is a row added here (grant rules are dated).
@admin.register(GrantRule)
class GrantRuleAdmin(admin.ModelAdmin):
    list_display = ["award_form", "authority_title", "regime", "valid_from", "valid_to", "status", "bonus_multiple"]
    list_filter = ["authority_level", "status", "bonus_status"]
    search_fields = ["award_form__name", "regime", "legal_basis"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "amount", "legal_basis", "status"]
