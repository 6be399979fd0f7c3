"""The NTM criteria catalogue in the Django admin: administrators correct and complete it as the legal texts are
checked (the indicators loaded from background knowledge come in as "not confirmed")."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from campaigns.models import CommuneGroup, CriteriaSet, Criterion, GroupThreshold, Indicator, Threshold


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["number", "name", "group"]
    show_change_link = True  # the indicators are edited on the criterion's own page


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = [
        "order",
        "code",
        "name",
        "value_type",
        "unit_of_measure",
        "comparison",
        "only_if_relevant",
        "is_confirmed",
    ]
    show_change_link = True  # the thresholds are edited on the indicator's own page


class ThresholdInline(admin.TabularInline):
    model = Threshold
    extra = 0
    fields = ["region", "year", "value"]


class GroupThresholdInline(admin.TabularInline):
    model = GroupThreshold
    extra = 0
    fields = ["commune_group", "from_year", "to_year", "comparator", "value", "text_value"]


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "start_year", "end_year", "decision", "issuer", "criteria_count"]
    list_filter = ["level", "start_year"]
    search_fields = ["name", "code", "decision"]
    raw_id_fields = ["issuing_unit"]
    inlines = [CriterionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(criteria_count=Count("criteria"))

    @admin.display(description=_("criteria"), ordering="criteria_count")
    def criteria_count(self, criteria_set):
        return criteria_set.criteria_count


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "criteria_set", "group"]
    list_filter = ["criteria_set"]
    search_fields = ["name", "group"]
    list_select_related = ["criteria_set"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "criterion", "value_type", "comparison", "is_confirmed"]
    list_filter = ["is_confirmed", "value_type", "criterion__criteria_set"]
    search_fields = ["code", "name"]
    list_select_related = ["criterion__criteria_set"]
    inlines = [ThresholdInline, GroupThresholdInline]


@admin.register(CommuneGroup)
class CommuneGroupAdmin(admin.ModelAdmin):
    list_display = ["unit", "group", "valid_from", "decision", "recorded_by"]
    list_filter = ["group"]
    search_fields = ["unit__name", "decision"]
    raw_id_fields = ["unit"]
    list_select_related = ["unit", "recorded_by"]
    readonly_fields = ["recorded_by"]
