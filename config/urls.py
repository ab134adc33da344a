from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import views as core_views

admin.site.site_header = "Inspection findings tracker"
admin.site.site_title = "Inspection findings tracker"
admin.site.index_title = "Data entry"

urlpatterns = [
    path("", core_views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("inspections/", include("inspections.urls")),
    path("responses/", include("responses.urls")),
    path("", include("tracker.urls")),
    path("", include("letters.urls")),
    path("imports/", include("imports.urls")),
    path("progress/", include("progress.urls")),
    path("api/", include("core.api.urls")),
    path("admin/", admin.site.urls),
]
