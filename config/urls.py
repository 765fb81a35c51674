from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Ministerial staff"
admin.site.site_title = "Ministerial"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.urls")),
]
