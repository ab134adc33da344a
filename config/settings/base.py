"""Settings shared by every environment. Values that differ come from the environment."""

from pathlib import Path

import dj_database_url

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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
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
