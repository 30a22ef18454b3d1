from django.urls import path

from pulse import views

urlpatterns = [
    path("pulse/<int:pk>/", views.answer, name="pulse_answer"),
]
