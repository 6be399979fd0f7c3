from django.contrib import admin

from awards.models import AwardForm, BaseSalary, GrantRule, Holiday, PostingComment, PublicPosting


# A decree that replaces NĐ 152/2025, or a new base salary, is a row added here (grant rules are dated).
@admin.register(GrantRule)
class GrantRuleAdmin(admin.ModelAdmin):
    list_display = ["award_form", "authority_title", "regime", "valid_from", "valid_to", "status", "bonus_multiple"]
    list_filter = ["authority_level", "status", "bonus_status"]
    search_fields = ["award_form__name", "regime", "legal_basis"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "amount", "legal_basis", "status"]


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "authority_level", "valid_from", "valid_to", "rank", "needs_public_posting"]
    list_filter = ["category", "authority_level", "needs_public_posting"]
    search_fields = ["name", "short_name", "authority_title"]
    # Searched rather than listed: a province may hold thousands of plans.
    autocomplete_fields = ["plans"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Public holidays that a posting's working days skip; without them only weekends are skipped."""

    list_display = ["date", "name"]
    date_hierarchy = "date"


class PostingCommentInline(admin.TabularInline):
    model = PostingComment
    extra = 0
    readonly_fields = ["name", "contact", "text", "client_address", "created_at"]


@admin.register(PublicPosting)
class PublicPostingAdmin(admin.ModelAdmin):
    list_display = ["nomination", "unit", "starts_on", "ends_on"]
    raw_id_fields = ["nomination", "unit", "opened_by"]
    inlines = [PostingCommentInline]
