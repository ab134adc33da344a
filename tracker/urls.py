from django.urls import path

from tracker import views

app_name = "tracker"
urlpatterns = [
    path("inspections/", views.inspection_list, name="inspections"),
    path("inspections/<slug:slug>/", views.inspection_detail, name="inspection"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("tracker/", views.tracker_list, name="list"),
    path("tracker/export.csv", views.tracker_export, {"fmt": "csv"}, name="export_csv"),
    path("tracker/export.xlsx", views.tracker_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("responses/", views.response_list, name="responses"),
    path("progress/panel-report/", views.panel_report, name="panel_report"),
    path("account/", views.account, name="account"),
    path("account/calendar-token/", views.calendar_token, name="calendar_token"),
    path("account/api-token/", views.api_token, name="api_token"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
