"""Excel downloads and imports. Included at the site root:
``path("", include("imports.urls"))``."""

from django.urls import path

from imports import views

app_name = "spreadsheets"

programme = "programmes/<slug:programme>"

urlpatterns = [
    path(f"{programme}/export.xlsx", views.WorkbookExportView.as_view(), name="workbook"),
    path(f"{programme}/export/<slug:kind>.xlsx", views.ListExportView.as_view(), name="export"),
    path(f"{programme}/import/", views.ImportUploadView.as_view(), name="import"),
    path(
        f"{programme}/import/<slug:token>/columns/",
        views.ImportMappingView.as_view(),
        name="import-mapping",
    ),
    path(
        f"{programme}/import/<slug:token>/preview/",
        views.ImportPreviewView.as_view(),
        name="import-preview",
    ),
    path(f"{programme}/imports/", views.ImportHistoryView.as_view(), name="import-history"),
    path(
        f"{programme}/imports/<int:pk>/left-out.xlsx",
        views.LeftOutDownloadView.as_view(),
        name="import-left-out",
    ),
]
