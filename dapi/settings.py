"""Settings for dapi: one file, configured from the environment (see README)."""

import os
import re
from decimal import Decimal
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DAPI_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("DAPI_DEBUG", "0") == "1"
# Production (DAPI_PRODUCTION=1): HTTPS only, secure cookies, HSTS, and a real secret key (see docs/security.md).
PRODUCTION = os.environ.get("DAPI_PRODUCTION", "0") == "1"
SECRET_KEY = os.environ.get("DAPI_SECRET_KEY") or "dapi-insecure-development-key-set-DAPI_SECRET_KEY"
if PRODUCTION and (not os.environ.get("DAPI_SECRET_KEY") or DEBUG):
    raise ImproperlyConfigured("DAPI_PRODUCTION=1 needs DAPI_SECRET_KEY set (50+ random characters) and DAPI_DEBUG off.")
ALLOWED_HOSTS = [h for h in os.environ.get("DAPI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
DEMO_PASSWORD = os.environ.get("DAPI_DEMO_PASSWORD", "dapi-demo-2026")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "ninja",
    "dapi",
    "dapi.accounts",
    "dapi.audit",
    "dapi.funding",
    "dapi.decisions",
    "dapi.cases",
    "dapi.identification",
    "dapi.reports",
    "dapi.reminders",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "dapi.accounts.middleware.IdleSessionMiddleware",
    "dapi.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-auditlog's, with the client address taken as the lockout takes it (not a forgeable header).
    "dapi.accounts.middleware.AuditlogClientAddressMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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
                "dapi.context_processors.navigation",
                "dapi.context_processors.pinned_date",
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
    # First, as django-axes requires: it refuses a locked-out username before a password is checked.
    "axes.backends.AxesStandaloneBackend",
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

# Sign-in hardening (docs/security.md). A session idle this long is signed out (IdleSessionMiddleware, which
# says why); the stored session outlives that a little so the middleware can tell "idle" from "never signed in".
DAPI_IDLE_MINUTES = int(os.environ.get("DAPI_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = (DAPI_IDLE_MINUTES + 60) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The client's address (lockout, audit log). Direct deployments: the connection's address; the
# X-Forwarded-For a client sends is ignored. Behind DAPI_TRUSTED_PROXY_COUNT proxies (0: none, the
# default) that each append to DAPI_TRUSTED_PROXY_HEADER, the address the outermost proxy saw
# (dapi/accounts/client_address.py, docs/security.md).
DAPI_TRUSTED_PROXY_COUNT = int(os.environ.get("DAPI_TRUSTED_PROXY_COUNT", "0"))
DAPI_TRUSTED_PROXY_HEADER = os.environ.get("DAPI_TRUSTED_PROXY_HEADER", "X-Forwarded-For")

# Lockout (django-axes): this many wrong passwords for one username from one address lock that pair
# for the cool-off, counted from the last failure before the lock (tries during it do not extend it).
# Neither a username alone nor an address alone is locked: see docs/security.md for why.
# `dapi axes_reset_username NAME` / `dapi axes_reset_ip IP` unlock sooner.
AXES_FAILURE_LIMIT = int(os.environ.get("DAPI_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DAPI_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "dapi.accounts.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "dapi.accounts.views.locked_out"
AXES_VERBOSE = False

# Two-factor (django-otp, TOTP). Anyone with an authenticator enrolled passes it at every sign-in;
# these roles (Role values, comma-separated) must enrol one: every role that sees case or person-level
# data, and commissioners and finance officers, who change money and approve evaluator extracts.
OTP_TOTP_ISSUER = "dapi"
DAPI_SECOND_FACTOR_ROLES = [r.strip() for r in os.environ.get(
    "DAPI_SECOND_FACTOR_ROLES", "commissioner,finance_officer,provider_manager,perpetrator_worker,"
    "partner_support_worker,police_analyst,evaluator,administrator").split(",") if r.strip()]

# API tokens expire this many days after they are made.
DAPI_API_TOKEN_DAYS = int(os.environ.get("DAPI_API_TOKEN_DAYS", "90"))

# Content Security Policy (django-csp): scripts only from this site with the page's nonce, no inline
# script or style, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

if PRODUCTION:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto (docs/runbook.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-dapi-session"
    CSRF_COOKIE_NAME = "__Host-dapi-csrf"

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False
# An administrator's CSV export of the audit log holds at most this many entries (narrow the filters past it).
DAPI_AUDIT_EXPORT_MAX_ROWS = int(os.environ.get("DAPI_AUDIT_EXPORT_MAX_ROWS", "50000"))

# Runway: a cliff edge is a runway that ends within this many days (DOMAIN.md section 3).
# Mail (CARA breach notices to police contacts): files under DAPI_DATA_DIR/mail unless an SMTP
# backend is configured, so a demonstration never tries to reach a mail server.
EMAIL_BACKEND = os.environ.get("DAPI_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DAPI_FROM_EMAIL", "dapi@localhost")

# Background work (identification uploads) runs from the database queue: `dapi db_worker`.
# Tests run tasks immediately so they need no worker process.
TASKS = {"default": {"BACKEND": os.environ.get("DAPI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# The task queued, with the case's id, when a case referred with a police identifier gets its entry
# or end date: identification computes and stores its police outcomes (tasks.case_outcome_compute).
# Named here because the cases app stands below identification and cannot import it.
DAPI_CASE_DATES_TASK = "dapi.identification.tasks.case_outcome_compute"
# The DASH escalation criterion also counts the police incidents naming a victim of a police-referred
# case (issue 17, item 8): identification stores them in the background, queued with the person's id
# when her police identifier is set or she is linked to such a case, and the cases app reads them.
DAPI_VICTIM_POLICE_ID_TASK = "dapi.identification.tasks.victim_incidents_compute"
DAPI_VICTIM_INCIDENT_DATES = "dapi.identification.victims.stored_incident_dates"

DAPI_CLIFF_EDGE_HORIZON_DAYS = int(os.environ.get("DAPI_CLIFF_EDGE_HORIZON_DAYS", "183"))
# Spend returns (funding/returns/): an explanation is required when a quarter's spend differs from the
# agreement's profile by more than this share (10%), and a return is late after this many days past
# the quarter's end.
DAPI_SPEND_VARIANCE_SHARE = Decimal(os.environ.get("DAPI_SPEND_VARIANCE_PERCENT", "10")) / 100
DAPI_SPEND_RETURN_DUE_DAYS = int(os.environ.get("DAPI_SPEND_RETURN_DUE_DAYS", "30"))
# Targets and KPIs (funding/targets.py): actual against what was expected so far, green at this share
# or more, amber at the next, red below; counted measures come from the case data through the function
# this dotted path names (funding cannot import cases).
DAPI_KPI_GREEN_PERCENT = int(os.environ.get("DAPI_KPI_GREEN_PERCENT", "95"))
DAPI_KPI_AMBER_PERCENT = int(os.environ.get("DAPI_KPI_AMBER_PERCENT", "80"))
DAPI_KPI_COUNTS = "dapi.reports.kpis.agreement_counts"
# The runway shows the cases its end would strand (DOMAIN.md section 3): open cases per programme and
# provider as of a date, counts only, from the function this dotted path names (funding cannot import cases).
DAPI_ACTIVE_CASES_BY_PROVIDER = "dapi.cases.selectors.active_cases_by_provider"
# Open data (docs/exports.md). The 360Giving publisher prefix a real publisher registers with 360Giving (grant
# ids, and the ids of organisations with no org-id identifier), the OCDS ocid prefix it registers with the Open
# Contracting Partnership, and the publisher's name in both packages. The defaults stand in for them.
DAPI_360G_PREFIX = os.environ.get("DAPI_360G_PREFIX", "360G-dapi")
DAPI_OCID_PREFIX = os.environ.get("DAPI_OCID_PREFIX", "ocds-dapi00")
DAPI_PUBLISHER_NAME = os.environ.get("DAPI_PUBLISHER_NAME", "dapi")
if not re.fullmatch(r"360G-[A-Za-z0-9]+", DAPI_360G_PREFIX) or not re.fullmatch(r"ocds-[a-z0-9]{6}", DAPI_OCID_PREFIX):
    raise ImproperlyConfigured("DAPI_360G_PREFIX must be like 360G-yourprefix and DAPI_OCID_PREFIX like ocds-abc123 "
                               "(ocds- and the 6 characters the Open Contracting Partnership gave).")
# The public transparency page (/transparency/, no sign-in) and its open-data files: off (404) unless set to 1.
DAPI_TRANSPARENCY_PAGE = os.environ.get("DAPI_TRANSPARENCY_PAGE", "0") == "1"
# Counts over many cases for commissioners (case aggregates, evidence dashboards) are kept this long
# and shared by the server's processes (dapi/lib/aggregates.py); 0 recounts on every request.
DAPI_AGGREGATE_CACHE_SECONDS = int(os.environ.get("DAPI_AGGREGATE_CACHE_SECONDS", "300"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "aggregates": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                   "LOCATION": DATA_DIR / "cache" / "aggregates"},
}
# Bounded work per upload (docs/security.md, "Bounded work per request"). A .docx decision record
# is refused before it is unpacked when its parts come to more than this many MB, or to more than
# this many times the file's size (a zip bomb); a police incident file when it is larger than this
# many MB or has more rows than this (a Parquet file's rows are read from its footer, a CSV's lines
# are counted as it streams by).
DAPI_DOCX_MAX_UNPACKED_BYTES = int(os.environ.get("DAPI_DOCX_MAX_UNPACKED_MB", "50")) * 1024 * 1024
DAPI_DOCX_MAX_RATIO = int(os.environ.get("DAPI_DOCX_MAX_RATIO", "100"))
# A batch of decision documents imported at once (the web upload of several files, `dapi ingest DIR`):
# at most this many files, and this many MB in all; each file is read by a background task.
DAPI_INGEST_MAX_FILES = int(os.environ.get("DAPI_INGEST_MAX_FILES", "20"))
DAPI_INGEST_MAX_BATCH_BYTES = int(os.environ.get("DAPI_INGEST_MAX_BATCH_MB", "100")) * 1024 * 1024
DAPI_INCIDENT_MAX_BYTES = int(os.environ.get("DAPI_INCIDENT_MAX_MB", "1024")) * 1024 * 1024
DAPI_INCIDENT_MAX_ROWS = int(os.environ.get("DAPI_INCIDENT_MAX_ROWS", "10000000"))
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
# Reminders (dapi/reminders/): the "needs action" list and the daily digest mailed by `dapi remind`
# (see docs/runbook.md). Break-clause notice deadlines are listed this many days ahead; resolutions,
# forum actions and evaluations when due within DAPI_REMINDER_DUE_SOON_DAYS (or overdue); spend returns
# missing past their due date when that date is within DAPI_REMINDER_RETURNS_LOOKBACK_DAYS. The
# digest's links start with DAPI_SITE_URL.
DAPI_REMINDER_BREAK_NOTICE_DAYS = int(os.environ.get("DAPI_REMINDER_BREAK_NOTICE_DAYS", "60"))
DAPI_REMINDER_DUE_SOON_DAYS = int(os.environ.get("DAPI_REMINDER_DUE_SOON_DAYS", "14"))
DAPI_REMINDER_RETURNS_LOOKBACK_DAYS = int(os.environ.get("DAPI_REMINDER_RETURNS_LOOKBACK_DAYS", "183"))
DAPI_SITE_URL = os.environ.get("DAPI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Registers in and out (funding/registers/): an uploaded or imported grants or contracts register may be
# at most this large and have at most this many rows; past either it is refused, saying so.
DAPI_REGISTER_MAX_BYTES = int(os.environ.get("DAPI_REGISTER_MAX_MB", "5")) * 1024 * 1024
DAPI_REGISTER_MAX_ROWS = int(os.environ.get("DAPI_REGISTER_MAX_ROWS", "5000"))
DAPI_REGISTER_MAX_UNPACKED_BYTES = int(os.environ.get("DAPI_REGISTER_MAX_UNPACKED_MB", "50")) * 1024 * 1024
