"""Local development: debug on and a throwaway secret key unless the environment says otherwise."""

import os

# Only development may run without a real key; base.py requires one.
os.environ.setdefault("SECRET_KEY", "development-only-insecure-key-do-not-use-in-production")
os.environ.setdefault("DEBUG", "true")

from config.settings.base import *  # noqa: E402,F403

MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# whitenoise finds files where runserver does; no collected static folder needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
