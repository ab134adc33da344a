from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as account_views
from core import views as core_views
from tracker import views as tracker_views

admin.site.site_header = "Inspection findings tracker"
admin.site.site_title = "Inspection findings tracker"
admin.site.index_title = "Data entry"

urlpatterns = [
    path("", tracker_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", core_views.favicon),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", account_views.verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", account_views.setup, name="two_factor_setup"),
    path("accounts/two-factor/remove/", account_views.remove, name="two_factor_remove"),
    # Password reset by email: Django's views with GOV.UK templates in templates/registration/.
    path(
        "accounts/password-reset/",
        account_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("responses/", include("responses.urls")),
    path("", include("tracker.urls")),
    path("", include("letters.urls")),
    path("imports/", include("imports.urls")),
    path("progress/", include("progress.urls")),
    path("api/", include("config.api")),
    path("admin/", admin.site.urls),
]
