from django.urls import path

from reports import impact_views, views

urlpatterns = [
    path("cohorts/<int:cohort_pk>/reports/", views.feed, name="report_feed"),
    path("cohorts/<int:cohort_pk>/reports/new/", views.new_report, name="report_new"),
    path("cohorts/<int:cohort_pk>/report-back/", views.report_back, name="report_back"),
    path("cohorts/<int:cohort_pk>/impact/", impact_views.impact, name="cohort_impact"),
    path("cohorts/<int:cohort_pk>/reports.csv", impact_views.reports_csv, name="reports_csv"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.edit_report, name="report_edit"),
    path("reports/<int:pk>/delete/", views.delete_report, name="report_delete"),
    path("reports/<int:pk>/appreciate/", views.appreciate, name="report_appreciate"),
    path("reports/<int:pk>/feedback/", views.feedback, name="report_feedback"),
    path("reports/<int:pk>/comments/", views.add_comment, name="comment_add"),
    path("comments/<int:pk>/edit/", views.edit_comment, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.delete_comment, name="comment_delete"),
    path("comments/<int:pk>/hide/", views.hide_comment, name="comment_hide"),
]
