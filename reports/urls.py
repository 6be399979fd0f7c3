from django.urls import path

from reports import views, views_documents, views_statistics

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/regenerate/", views.regenerate, name="regenerate"),
    path("<int:pk>/tables.xlsx", views.xlsx, name="xlsx"),
    path("decisions/<int:pk>/print/", views_documents.decision_pdf, name="print-decision"),
    path("decisions/<int:pk>/certificates/", views_documents.certificates_pdf, name="print-certificates"),
    path("decisions/certificates/", views_documents.batch_certificates_pdf, name="print-batch-certificates"),
    path("sessions/<int:pk>/minutes/", views_documents.minutes_pdf, name="print-minutes"),
    path("submissions/", views_documents.submission_pdf, name="print-submission"),
    path("statistics/", views_statistics.statistics, name="statistics"),
    path("statistics/tables.xlsx", views_statistics.statistics_xlsx, name="statistics-xlsx"),
]
