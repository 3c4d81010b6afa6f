"""Settings shared by every environment. Values that differ between machines come from the
environment (or a `.env` file beside manage.py), never from code."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Simultaneous saves wait their turn instead of failing with "database is locked": each
    # transaction takes the write lock as it begins (IMMEDIATE), so none has to upgrade a read
    # lock half-way, waits up to 20 seconds for it, and in WAL mode pages are read while
    # another request writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20, init_command="PRAGMA journal_mode=WAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tables2",
    "django_filters",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "mozilla_django_oidc",
    "programmes",
    "jobs",
    "accounts",
    "milestones",
    "dashboards",
    "imports",
    "exports",
    "seeds",
    "reports",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.NoStoreMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its refusal page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "programmes.rights.rights",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS level 2: at least 12 characters.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Our users are English councils: British English, London time, day-before-month dates.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j M Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Issued packs, logos, uploads and job results in S3-compatible object storage (AWS, MinIO,
# Ceph, a cloud provider's): FILE_STORAGE=s3 and the S3_* variables. Downloads always pass
# through the application, which checks each issued pack's fingerprint, so the bucket stays
# private.
if env("FILE_STORAGE", default="folder") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "region_name": env("S3_REGION", default=None),
            "access_key": env("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("S3_SECRET_ACCESS_KEY", default=None),
            "location": env("S3_PREFIX", default=""),
            "default_acl": None,
            "file_overwrite": False,  # an issued pack is never replaced by a namesake
            "querystring_auth": True,
        },
    }

# Reminder e-mails print to the console until an SMTP server is configured.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="milestones@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails sent outside a web request (scheduled reminders) start with this address.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

from .security import *  # noqa: E402, F403 — sign-in, sessions and headers, kept together

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "programmes:my-work"
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

# Spreadsheet uploads: refused above this size or number of rows (a zip that says it unpacks to
# more than twenty times the size limit is refused before it is opened).
SPREADSHEET_MAX_BYTES = env.int("SPREADSHEET_MAX_BYTES", default=10 * 1024 * 1024)
SPREADSHEET_MAX_ROWS = env.int("SPREADSHEET_MAX_ROWS", default=50_000)

# Background jobs (jobs/): queued in the database and run by `manage.py run_worker`, or, for
# installations with several app servers, queued in Redis (TASKS_BACKEND=redis, REDIS_URL) and
# run by as many `run_worker`s as needed.
TASKS_BACKEND = env("TASKS_BACKEND", default="database")
RQ_QUEUES = {
    # A pack of thousands of pages takes minutes: RQ's default of three would stop it.
    "default": {
        "URL": env("REDIS_URL", default="redis://127.0.0.1:6379/0"),
        "DEFAULT_TIMEOUT": 3600,
    }
}
if TASKS_BACKEND == "redis":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    INSTALLED_APPS += ["django_rq"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
# Reports and the whole-programme workbook of programmes with more milestones than this are
# printed or written by the worker; the page follows its progress.
REPORT_INLINE_MAX_MILESTONES = env.int("REPORT_INLINE_MAX_MILESTONES", default=300)
EXPORT_INLINE_MAX_MILESTONES = env.int("EXPORT_INLINE_MAX_MILESTONES", default=2000)
# A report whose HTML is larger than this prints in sections of about REPORT_SECTION_BYTES each,
# in REPORT_RENDER_PROCESSES processes (0: one per CPU), merged into one PDF (reports.sections).
REPORT_SECTIONS_MIN_BYTES = env.int("REPORT_SECTIONS_MIN_BYTES", default=250_000)
REPORT_SECTION_BYTES = env.int("REPORT_SECTION_BYTES", default=250_000)
REPORT_RENDER_PROCESSES = env.int("REPORT_RENDER_PROCESSES", default=0)
# The health check reports the worker down when none has said it is alive for this long.
WORKER_HEARTBEAT_STALE_SECONDS = env.int("WORKER_HEARTBEAT_STALE_SECONDS", default=60)

# Demo accounts (manage.py load_seed_programmes --demo-users) are for development machines only.
DEMO_USERS_ALLOWED = False
DEMO_PASSWORD = env("DEMO_PASSWORD", default="demo-password")

# The REST API (api/): personal tokens or the signed-in session (with its CSRF check); the
# per-object rights are the pages' own (programmes/rights.py), asked in api/views/.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Programme milestone tracker API",
    "DESCRIPTION": "Programmes, service areas, milestones and their date changes, progress "
    "updates, risks, savings and meetings. Reads for anyone with access to the programme; "
    "writes through the same rules, rights, versions and audit history as the pages.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "MilestoneStatusEnum": "milestones.models.Milestone.Status",
        "MilestoneStatusGivenEnum": "api.serializers.milestones.OFFERED_STATUSES",
        "ProgrammeStatusEnum": "programmes.models.Programme.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every layout step at INFO; only its warnings are worth reading.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
