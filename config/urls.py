from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "Programme milestone tracker"
admin.site.site_title = "Milestone tracker"
admin.site.index_title = "Programmes, milestones and governance"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
