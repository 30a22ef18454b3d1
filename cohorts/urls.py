from django.urls import path

from cohorts import views

urlpatterns = [
    path("join/<str:code>/", views.join, name="join_cohort"),
]
