"""The tracker's pages, a module each: the home page, the dashboard, the lists and their
exports (tracker, responses), the inspection reports as an office sees them, the Police and
Crime Panel report, and the account page with its tokens and calendar feed."""

from tracker.views.account import account, api_token, calendar_feed, calendar_token
from tracker.views.dashboard import dashboard
from tracker.views.home import home
from tracker.views.inspections import inspection_detail, inspection_list
from tracker.views.lists import response_list, tracker_export, tracker_list
from tracker.views.panel import panel_report

__all__ = [
    "account",
    "api_token",
    "calendar_feed",
    "calendar_token",
    "dashboard",
    "home",
    "inspection_detail",
    "inspection_list",
    "panel_report",
    "response_list",
    "tracker_export",
    "tracker_list",
]
