from django.urls import path

from courses import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
