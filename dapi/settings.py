"""Settings for dapi: one file, configured from the environment (see README)."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DAPI_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("DAPI_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("DAPI_SECRET_KEY") or "dapi-insecure-development-key-set-DAPI_SECRET_KEY"
ALLOWED_HOSTS = [h for h in os.environ.get("DAPI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
DEMO_PASSWORD = os.environ.get("DAPI_DEMO_PASSWORD", "dapi-demo-2026")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "auditlog",
    "dapi",
    "dapi.accounts",
    "dapi.audit",
    "dapi.funding",
    "dapi.decisions",
    "dapi.cases",
    "dapi.identification",
    "dapi.reports",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "dapi.urls"
WSGI_APPLICATION = "dapi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dapi.accounts.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'dapi.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": DATA_DIR / "uploads"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

# Runway: a cliff edge is a runway that ends within this many days (DOMAIN.md section 3).
# Mail (CARA breach notices to police contacts): files under DAPI_DATA_DIR/mail unless an SMTP
# backend is configured, so a demonstration never tries to reach a mail server.
EMAIL_BACKEND = os.environ.get("DAPI_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DAPI_FROM_EMAIL", "dapi@localhost")

# Background work (identification uploads) runs from the database queue: `dapi db_worker`.
# Tests run tasks immediately so they need no worker process.
TASKS = {"default": {"BACKEND": os.environ.get("DAPI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

DAPI_CLIFF_EDGE_HORIZON_DAYS = int(os.environ.get("DAPI_CLIFF_EDGE_HORIZON_DAYS", "183"))
# MARAC referral criteria (DOMAIN.md §5): escalation is this many DA events within this many days;
# repeat is a new incident within this many days of the last MARAC referral.
DAPI_MARAC_ESCALATION_EVENTS = int(os.environ.get("DAPI_MARAC_ESCALATION_EVENTS", "3"))
DAPI_MARAC_ESCALATION_DAYS = int(os.environ.get("DAPI_MARAC_ESCALATION_DAYS", "365"))
DAPI_MARAC_REPEAT_DAYS = int(os.environ.get("DAPI_MARAC_REPEAT_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
