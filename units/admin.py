from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from units.models import Lineage, Membership, Unit, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code_scheme", "code", "valid_from", "valid_to"]
    list_filter = ["kind", "code_scheme", "ntm_region"]
    search_fields = ["name", "search_name", "code"]
    raw_id_fields = ["parent"]


@admin.register(Lineage)
class LineageAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "effective_date", "is_default"]
    raw_id_fields = ["predecessor", "successor"]


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["unit"]
    extra = 1


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    fieldsets = BaseUserAdmin.fieldsets + ((None, {"fields": ["full_name", "position"]}),)
