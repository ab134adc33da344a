from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Tracker, reminders and calendar feeds"

    def ready(self):
        from accounts.two_factor import app_added
        from tracker.calendar import revoke_feed_when_an_app_is_added

        app_added.connect(revoke_feed_when_an_app_is_added)
