from django.urls import path

from tracker import views

app_name = "tracker"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("tracker/", views.tracker_list, name="list"),
    path("tracker/export.csv", views.tracker_export, {"fmt": "csv"}, name="export_csv"),
    path("tracker/export.xlsx", views.tracker_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("responses/", views.response_list, name="responses"),
    path("account/", views.account, name="account"),
    path("account/calendar-token/", views.calendar_token, name="calendar_token"),
    path("account/api-token/", views.api_token, name="api_token"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
