from django.urls import path

from . import views

app_name = "milestones"

urlpatterns = [
    path("milestones/<int:pk>/", views.MilestoneDetailView.as_view(), name="detail"),
    path("milestones/<int:pk>/edit/", views.MilestoneEditView.as_view(), name="edit"),
    path("dates/interpret/", views.InterpretDateView.as_view(), name="interpret-date"),
]
