from django.urls import path

from . import meeting_views, structure_views, views

app_name = "reports"

prefix = "programmes/<slug:programme>/reports/"

urlpatterns = [
    path(prefix, views.ReportIndexView.as_view(), name="index"),
    # The meetings page lists what each meeting receives: milestones and committee packs.
    path(
        "programmes/<slug:programme>/meetings/",
        meeting_views.MeetingListView.as_view(),
        name="meetings",
    ),
    path(f"{prefix}packs/<int:pk>/", views.PackDetailView.as_view(), name="pack"),
    path(f"{prefix}packs/<int:pk>/pdf/", views.PackDownloadView.as_view(), name="pack-pdf"),
    path(
        f"{prefix}packs/<int:pk>/html/",
        views.PackDownloadView.as_view(which="html"),
        name="pack-html",
    ),
    path(
        f"{prefix}packs/<int:pk>/data/",
        views.PackDownloadView.as_view(which="snapshot"),
        name="pack-data",
    ),
    path(f"{prefix}meetings/<int:pk>/", views.MeetingPacksView.as_view(), name="meeting-packs"),
    path(f"{prefix}cover-sheets/new/", views.CoverSheetFormView.as_view(), name="cover-sheet-new"),
    path(
        f"{prefix}cover-sheets/<int:pk>/",
        views.CoverSheetFormView.as_view(),
        name="cover-sheet-edit",
    ),
    path(f"{prefix}<slug:kind>/", views.ReportPreviewView.as_view(), name="preview"),
    path(f"{prefix}<slug:kind>/pdf/", views.ReportPDFView.as_view(), name="pdf"),
    path(f"{prefix}<slug:kind>/html/", views.ReportHTMLView.as_view(), name="html"),
    path(
        f"{prefix}<slug:kind>/structure/",
        structure_views.ReportStructureView.as_view(),
        name="structure",
    ),
    path(f"{prefix}<slug:kind>/issue/", views.IssuePackView.as_view(), name="issue"),
]
