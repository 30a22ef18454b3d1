from django.urls import path

from dashboard import views

urlpatterns = [
    path("my/", views.my_home, name="my_home"),
    path("my/join/", views.enter_join_code, name="enter_join_code"),
    path("teach/", views.trainer_home, name="trainer_home"),
    path("cohorts/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/export.csv", views.cohort_export, name="cohort_export"),
]
