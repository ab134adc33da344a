"""Settings shared by every environment. Values that differ come from the environment."""

import datetime
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from config.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "accounts",
    "forces",
    "inspections",
    "responses",
    "tracker",
    "letters",
    "imports",
    "progress",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the app server itself, compressed and with hashed names in production.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.sessions.IdleSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Users with an authenticator app (or whose office requires one) confirm a code first.
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while an account is locked out
    # Django's ModelBackend, reading the user's office and permissions in fewer queries.
    "accounts.backends.OfficeModelBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Widget templates (the GOV.UK date input) come from templates/ like every other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so two saves of the same record queue up
    # instead of both reading the old version (PostgreSQL uses row locks for the same purpose).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered fragments of heavy pages under keys that name the data they show (core.fragments):
# each process's memory first, then a table every process shares (made by a migration of
# core), so app servers still share nothing but the database.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    "shared_fragments": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "core_fragment_cache",
        "TIMEOUT": 300,
        # Each write counts the rows; past this many, expired rows and a third of the rest go.
        "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 3},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Section 55 deadlines (see inspections/deadlines.py). The office convention an office
# starts with; an administrator can switch each office in the admin.
SECTION55_DEFAULT_CONVENTION = env_choice(
    "SECTION55_DEFAULT_CONVENTION", "statutory", {"statutory", "after_publication"}
)
# A response is "due soon" this many days before its deadline.
SECTION55_DUE_SOON_DAYS = env_int("SECTION55_DUE_SOON_DAYS", 14, minimum=0)
# Once the response is sent, an open finding's progress is "due an update" when nobody has
# updated it for this many days (a quarter: Police and Crime Panels meet about quarterly).
PROGRESS_UPDATE_DAYS = env_int("PROGRESS_UPDATE_DAYS", 91, minimum=1)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.DocumentedErrorsSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Inspection findings tracker API",
    "DESCRIPTION": (
        "Inspections, grades, findings and Section 55 responses. Sign in with a session or send "
        "`Authorization: Token <key>` (create the key on your account page). You see and change "
        "what the workspace lets you; writes name the `version` they read (409 if stale)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files come with the project: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set, used by several serializers.
    "ENUM_NAME_OVERRIDES": {
        "FindingKindEnum": "inspections.choices.FindingKind",
        "ResponseStatusEnum": "responses.choices.ResponseStatus",
    },
    "COMPONENT_SPLIT_REQUEST": True,
    # The schema maps every endpoint and filter: for signed-in users and tokens, like the API.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

# Demo sign-ins have public passwords: only development and tests create them.
DEMO_USERS_ALLOWED = env_bool("DEMO_USERS_ALLOWED", default=DEBUG)

# Email (reminders, password resets) through Django's mailers; SMTP unless overridden.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="tracker@localhost")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", default="localhost"),
            "port": env_int("EMAIL_PORT", 25, minimum=1),
            "username": env_str("EMAIL_HOST_USER", default=""),
            "password": env_str("EMAIL_HOST_PASSWORD", default=""),
            "use_tls": env_bool("EMAIL_USE_TLS", default=False),
        },
    }
}

# Calendar feed event identifiers end with this domain (stable across deployments).
CALENDAR_UID_DOMAIN = env_str("CALENDAR_UID_DOMAIN", default="opcc-tracker.invalid")

# The address of this site, for links in emails sent outside a request (reminders).
SITE_URL = env_str("SITE_URL", default="http://127.0.0.1:8000")

# Report imports (imports app): the largest report file accepted, and its most pages.
REPORT_IMPORT_MAX_MB = env_int("REPORT_IMPORT_MAX_MB", 25, minimum=1)
REPORT_IMPORT_MAX_PAGES = env_int("REPORT_IMPORT_MAX_PAGES", 400, minimum=1)
# Progress evidence (progress app): the largest file accepted, and how many per update.
EVIDENCE_MAX_MB = env_int("EVIDENCE_MAX_MB", 10, minimum=1)
EVIDENCE_MAX_FILES = env_int("EVIDENCE_MAX_FILES", 5, minimum=1)

# Content Security Policy (Django's own): no inline or third-party scripts anywhere, including
# development and tests, so the browser tests prove every page works under it. Inline style
# attributes are allowed (the dashboard's bar widths); inline <style> and <script> are not.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Sessions end after this much inactivity: accounts.sessions renews them at most once a minute.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60, minimum=5) * 60

# Structured log lines on stdout: one JSON object per line, for the platform to collect.
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # its INFO lines narrate every PDF it renders
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # it logs every attempt and its start-up at INFO
    },
}

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is locked out for AXES_COOLOFF_MINUTES. Attempts are kept in the database,
# so every app server sees them. An administrator unlocks in the admin ("Access attempts").
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Behind N proxies set AXES_PROXY_COUNT=N so the client's address is read from X-Forwarded-For;
# without a proxy that header is the client's to forge, so only the socket address counts.
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0, minimum=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

PASSWORD_RESET_TIMEOUT = 60 * 60 * 3  # a reset link works for three hours

# Two-factor sign-in (django-otp TOTP): the name authenticator apps show for this service.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", default="Inspection findings tracker")
