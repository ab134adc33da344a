from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.sessions import note_renewal_at_sign_in
        from accounts.two_factor import note_device_at_sign_in

        user_logged_in.connect(note_device_at_sign_in, dispatch_uid="two_factor_device")
        user_logged_in.connect(note_renewal_at_sign_in, dispatch_uid="session_renewal")
