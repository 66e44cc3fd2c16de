"""Settings for the ASOEN Vietnam portal, read from the environment.

Every variable is documented in `.env.example`. The defaults give the embedded mode that
`make run` uses: a SQLite file and a filesystem Celery broker under `var/`, so the portal and a
real worker run with no PostgreSQL or Redis installed.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
VAR_DIR = Path(env.str("ASOEN_VAR_DIR", default=str(BASE_DIR / "var")))

DEFAULT_SECRET_KEY = "insecure-dev-key-change-me"
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEFAULT_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "asoen_portal",
    "django_filters",
    # django-import-export is used as a library (asoen_portal.exchange), not as an app: its
    # admin import/export and its `import`/`export` commands would be a second door with
    # other rules. Every import and export goes through /data/ or our own commands.
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "working_groups",
    "meetings",
    "heritage_parks",
    "cooperation",
    "reports",
    "notifications",
    "people",
    "issuance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "asoen_portal.middleware.VietnameseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "asoen_portal.middleware.IdleSessionMiddleware",
    "asoen_portal.middleware.PrivateCacheMiddleware",
    "asoen_portal.middleware.RejectNulBytesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "asoen_portal.urls"
WSGI_APPLICATION = "asoen_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'asoen.sqlite3'}"),
}
# Reuse connections across requests: opening one costs more than a list page's queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to one file: wait for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# A second alias on the same database: an import's progress is written on it, outside the
# import's own transaction, so the page polling the job sees it while the rows are still being
# written. In tests it mirrors "default" (one test database). SQLite allows one writer at a
# time, so there the progress writes are skipped (asoen_portal.exchange.progress).
DATABASES["progress"] = {
    **DATABASES["default"],
    "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
    "TEST": {"MIRROR": "default"},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "asoen_portal.passwords.MinimumLength",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Idle timeout: a session ends after this long without a request (asoen_portal.middleware.
# IdleSessionMiddleware renews it while the user is active), so a portal left open on a shared
# office computer does not stay signed in for days.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
# Password-reset mails: at most this many per address and per IP address in the window.
PASSWORD_RESET_MAILS_PER_ADDRESS = env.int("PASSWORD_RESET_MAILS_PER_ADDRESS", default=3)
PASSWORD_RESET_REQUESTS_PER_IP = env.int("PASSWORD_RESET_REQUESTS_PER_IP", default=10)
PASSWORD_RESET_WINDOW_MINUTES = env.int("PASSWORD_RESET_WINDOW_MINUTES", default=60)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
# Lock the (username, IP) pair, and an IP that fails for many usernames (password spraying);
# never the account alone, or anyone who knows a username could keep its owner out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Behind the documented reverse proxy (README, "Running in production") the client's address
# is the X-Forwarded-For entry that proxy added; without a proxy it is REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "asoen_portal.accounts.client_ip"
# Past this many failures for one username within the cool-off (from any IPs), every
# sign-in for it waits LOGIN_SLOWDOWN_SECONDS: a distributed guesser is slowed, the owner
# still gets in.
LOGIN_USERNAME_SLOWDOWN_AFTER = env.int("LOGIN_USERNAME_SLOWDOWN_AFTER", default=20)
LOGIN_SLOWDOWN_SECONDS = env.float("LOGIN_SLOWDOWN_SECONDS", default=2.0)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["asoen_portal.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every start without it
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    # Files appear whole or not at all (a full disk leaves no partial file).
    "default": {"BACKEND": "asoen_portal.storage.AtomicFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Attachments: what a secretariat user may upload, and how large.
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
ATTACHMENT_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "jpg", "jpeg", "png"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Counters shared by every web process (the password-reset throttle): Redis where there is
# one, else a folder under var/ (the embedded mode's processes share the disk, not memory).
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
CACHES["default"]["KEY_PREFIX"] = "asoen"

# SMTP from EMAIL_URL (django-environ's form: smtp://user:password@host:587, smtp+tls://...);
# without it mail is printed on the console, which is what `make run` wants.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env.str(
        "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
    )
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Cổng ASOEN Việt Nam <noreply@asoen.vn>")
# Absolute links in e-mails: a reminder sent by the worker has no request to build them from.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Invitation and password-reset links stay valid this long (Django's token generator).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT_HOURS", default=72) * 3600

# Reminders (notifications.reminders): lead times and windows, in days.
REMINDER_TASK_DUE_DAYS = env.int("REMINDER_TASK_DUE_DAYS", default=7)
REMINDER_TASK_STALE_DAYS = env.int("REMINDER_TASK_STALE_DAYS", default=30)
REMINDER_CHECKLIST_DUE_DAYS = env.int("REMINDER_CHECKLIST_DUE_DAYS", default=3)
# Monday = 0. The digest goes out on the first run on or after this weekday, once a week.
REMINDER_DIGEST_WEEKDAY = env.int("REMINDER_DIGEST_WEEKDAY", default=0)
REMINDER_HOUR = env.int("REMINDER_HOUR", default=7)

BROKER_DIR = VAR_DIR / "broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # A Redis restart must not end the worker: keep sockets alive, notice a dead connection
    # within the health-check interval, and retry connecting for as long as it takes
    # (tests/reports/test_worker_faults.py restarts a real Redis under a running worker).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_keepalive": True,
        "health_check_interval": 10,
        "retry_on_timeout": True,
    }
    CELERY_BROKER_CONNECTION_MAX_RETRIES = None
else:
    # Embedded broker: kombu's filesystem transport, so a real worker runs with no Redis.
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
    for _folder in ("queue", "processed", "control"):
        (BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
CELERY_TASK_IGNORE_RESULT = True  # job state lives in model rows, not in a result backend
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# A web request must not hang when the broker is down: fail fast, keep the job, retry later.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=3.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
# A running render proves it is alive this often; past the lease it is shown as interrupted.
REPORT_RENDER_HEARTBEAT_SECONDS = env.int("REPORT_RENDER_HEARTBEAT_SECONDS", default=15)
REPORT_RENDER_LEASE_SECONDS = env.int("REPORT_RENDER_LEASE_SECONDS", default=60)
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-jobs": {
        "task": "reports.requeue_pending_jobs",
        "schedule": 60.0,
    },
    "requeue-stalled-imports": {
        "task": "exchange.requeue_import_jobs",
        "schedule": 60.0,
    },
    "requeue-stalled-signatures": {
        "task": "issuance.requeue_pending_signatures",
        "schedule": 60.0,
    },
    # Daily; `manage.py send_reminders` runs the same service. Idempotent, so a second beat or
    # a retry sends nothing twice.
    "send-reminders": {
        "task": "notifications.send_reminders",
        "schedule": crontab(minute=0, hour=REMINDER_HOUR),
    },
}

# The API (asoen_portal/api/): personal tokens for other systems, the session for the browser.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so an anonymous call gets 401 with "WWW-Authenticate: Token".
        "asoen_portal.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["asoen_portal.api.throttling.ApiTokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api_token": env.str("API_THROTTLE_RATE", default="2000/hour")},
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "asoen_portal.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "asoen_portal.api.schema.PortalAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DATE_INPUT_FORMATS": ["iso-8601"],
    "EXCEPTION_HANDLER": "asoen_portal.api.errors.portal_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ASOEN Việt Nam API",
    "DESCRIPTION": "Dữ liệu hợp tác môi trường ASEAN của Văn phòng ASOEN Việt Nam.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Bundled assets, served by WhiteNoise: the docs page works offline and under a strict CSP.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several registers have a "kind" or a "status": name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "ActivityKindEnum": "working_groups.models.Activity.Kind",
        "TaskStatusEnum": "working_groups.models.Task.Status",
    },
}
# Request counts of the API throttle. With Redis every web worker counts against one budget;
# the embedded mode has one process, for which memory is enough.
CACHES["api_throttle"] = (
    {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "asoen-api",
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api"}
)

# Digital signature of a report's final PDF (issuance.signing). PKCS#12 file by default;
# "pkcs11" uses a USB token / HSM through its module (pip install python-pkcs11). Not
# SIGNING_BACKEND: that name is Django's own (the cookie signer).
# `manage.py create_demo_signing` writes a self-signed demo set under var/signing/ (make run).
SIGNING_KEY_BACKEND = env.str("SIGNING_KEY_BACKEND", default="pkcs12")
SIGNING_PKCS12_FILE = env.str("SIGNING_PKCS12_FILE", default="")
SIGNING_PKCS12_PASSWORD = env.str("SIGNING_PKCS12_PASSWORD", default="")
SIGNING_PKCS11_MODULE = env.str("SIGNING_PKCS11_MODULE", default="")
SIGNING_PKCS11_TOKEN_LABEL = env.str("SIGNING_PKCS11_TOKEN_LABEL", default="")
SIGNING_PKCS11_PIN = env.str("SIGNING_PKCS11_PIN", default="")
SIGNING_PKCS11_CERT_LABEL = env.str("SIGNING_PKCS11_CERT_LABEL", default="")
SIGNING_PKCS11_KEY_LABEL = env.str("SIGNING_PKCS11_KEY_LABEL", default="")
SIGNING_SIGNATURE_IMAGE = env.str("SIGNING_SIGNATURE_IMAGE", default="")
SIGNING_SEAL_IMAGE = env.str("SIGNING_SEAL_IMAGE", default="")
# Root certificates (PEM or DER files) a signature must chain to before it is offered.
SIGNING_TRUST_ROOTS = env.list("SIGNING_TRUST_ROOTS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- Served over TLS (README, "Running in production") ----------------------------------
# Behind the documented reverse proxy, which terminates TLS and sets X-Forwarded-Proto:
# without this Django sees plain HTTP, builds http:// links and refuses HTTPS CSRF posts.
SECURE_PROXY_SSL_HEADER = tuple(env.list("SECURE_PROXY_SSL_HEADER", default=[])) or None
if SECURE_PROXY_SSL_HEADER is not None and len(SECURE_PROXY_SSL_HEADER) != 2:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER must be 'HEADER,value', e.g. HTTP_X_FORWARDED_PROTO,https."
    )
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# /healthz/ is probed over plain HTTP from inside the container network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if SECURE_HSTS_SECONDS and not SECURE_HSTS_PRELOAD:
    # Preloading is the domain owner's commitment (submitted to the browsers' lists), not the
    # application's; HSTS itself is on.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# With DEBUG off, cookies travel only over HTTPS; there is no switch to turn that off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): only the portal's own files. Templates hold no inline
# script or style (STYLE.md) and htmx is told not to inject its indicator <style> nor eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
