from django.contrib import admin

from reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: reports are built by the task, and every version is kept."""

    list_display = ["kind", "unit", "year", "version", "status", "progress", "requested_by", "requested_at"]
    list_filter = ["kind", "status"]
    search_fields = ["unit__name", "error"]
    list_select_related = ["unit", "requested_by"]
    readonly_fields = [field.name for field in Report._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
