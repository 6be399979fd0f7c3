from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from campaigns.models import (
    Assessment,
    Campaign,
    Document,
    EmulationSubject,
    Measurement,
    Milestone,
    OcopProduct,
    OcopRating,
    Plan,
    PlanAmendment,
    PlanAttachment,
    PlanBasis,
    PlanSection,
    Recognition,
    Target,
    TargetYear,
)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "start_year", "end_year", "midterm_year", "final_year", "launching_body"]
    filter_horizontal = ["criteria_sets"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "issuer"]
    list_filter = ["kind"]
    search_fields = ["number", "issuer", "subject"]


class BasisInline(admin.TabularInline):
    model = PlanBasis
    autocomplete_fields = ["document"]
    extra = 0


class SectionInline(admin.StackedInline):
    model = PlanSection
    extra = 0


class SubjectInline(admin.StackedInline):
    model = EmulationSubject
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    raw_id_fields = ["responsible_unit"]
    extra = 0


class AmendmentInline(admin.TabularInline):
    model = PlanAmendment
    readonly_fields = ["recorded_by", "recorded_at"]
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = PlanAttachment
    readonly_fields = ["uploaded_by", "uploaded_at"]
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["number", "issue_date", "issuer_name", "campaign", "status", "is_summary"]
    list_filter = ["status", "is_summary", "campaign"]
    search_fields = ["number", "issuer_name", "title", "subject"]
    raw_id_fields = ["parent", "issuing_unit"]
    inlines = [BasisInline, SectionInline, SubjectInline, MilestoneInline, AmendmentInline, AttachmentInline]


class TargetYearInline(admin.TabularInline):
    model = TargetYear
    extra = 0


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "type", "deadline_year"]
    list_filter = ["type"]
    search_fields = ["description", "plan__number"]
    raw_id_fields = ["plan", "scope_unit", "units"]
    inlines = [TargetYearInline]


@admin.register(Recognition)
class RecognitionAdmin(admin.ModelAdmin):
    list_display = ["unit", "status", "decision_number", "decision_date", "revoked_on"]
    list_filter = ["status"]
    search_fields = ["unit__name", "decision_number"]
    raw_id_fields = ["unit"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "criteria_met", "status"]
    list_filter = ["status", "year"]
    raw_id_fields = ["unit"]


class OcopRatingInline(admin.TabularInline):
    model = OcopRating
    extra = 0


@admin.register(OcopProduct)
class OcopProductAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "owner_name", "group"]
    search_fields = ["name", "owner_name"]
    raw_id_fields = ["unit"]
    inlines = [OcopRatingInline]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["unit", "indicator", "year", "value", "unit_of_measure"]
    search_fields = ["indicator", "unit__name"]
    raw_id_fields = ["unit"]


# The criteria catalogue (sets, criteria, indicators, thresholds) is registered in its own module.
from campaigns import admin_criteria  # noqa: E402, F401
