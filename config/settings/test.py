"""The test suite: base settings with a throwaway key, debug off, fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ["DEBUG"] = "false"

from config.settings.base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEMO_USERS_ALLOWED = True

# whitenoise finds files where runserver does; no collected static folder needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
