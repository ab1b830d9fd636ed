"""Settings for Readout Archive, in one module driven by environment variables.

A development checkout keeps its variables in ``.env`` (``make install`` writes one with
``DJANGO_DEBUG=1`` and a secret of its own), so every ``manage.py`` command works as README
shows it; variables set in the environment win over the file. A production host has no
``.env``: there, with debug off, ``DJANGO_SECRET_KEY`` is required and a missing key stops the
process, never a silent default. ``DJANGO_ENV_FILE`` names another file, or none when empty.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

ENV_FILE = os.environ.get("DJANGO_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    load_dotenv(ENV_FILE, override=False)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off "
            "(for local development, `make install` writes a .env with DJANGO_DEBUG=1)."
        )
    SECRET_KEY = "development-only-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

# The site's public address: the dataset's citation, ``export_calls``, and the home page that a
# write prepares for its readers (``views/repeats.prepare_front_page``).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    "axes",
    "readouts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface language: the reader's cookie, else Accept-Language (see LANGUAGES below).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
            ],
        },
    },
]

# Connections are kept between requests (DJANGO_CONN_MAX_AGE seconds) and checked before reuse,
# so a restarted PostgreSQL costs one failed check, not one failed request.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A failover behind an address that still accepts connections (a pooler, a load balancer)
    # answers nothing: without a limit, libpq waits until gunicorn kills the worker (30 s). Past
    # DJANGO_DB_CONNECT_TIMEOUT seconds the request is our 503 instead (readouts/views/unavailable).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5")))
    # The planner's default random_page_cost (4) prices a disk that seeks: it then scans all
    # 1.1 million statement search rows rather than look up the few thousand of one topic
    # (EXPLAIN at 100,000 calls: 685 -> 192 ms). On SSDs or a database held in memory, 1.1 is
    # the usual value; DJANGO_PG_RANDOM_PAGE_COST sets it for this site's connections, added to
    # any options DATABASE_URL gives, and empty leaves the server's (behind a pooler that
    # refuses startup options, set it with ALTER DATABASE ... SET random_page_cost instead).
    page_cost = os.environ.get("DJANGO_PG_RANDOM_PAGE_COST", "1.1")
    if page_cost:
        options["options"] = (
            f"{options.get('options', '')} -c random_page_cost={float(page_cost)}".strip()
        )
SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if SQLITE:
    # SQLite as an embedded server: readers and one writer at a time, never "database is
    # locked". WAL lets readers read while a writer writes (synchronous=NORMAL is WAL's usual
    # setting: a killed process loses nothing committed). Writers take the one write lock when
    # their transaction begins (IMMEDIATE), so two writers queue for it instead of failing
    # when a read turns into a write, and wait up to DJANGO_SQLITE_TIMEOUT seconds for it.
    # The default page cache is 2 MB: a 100,000-call archive (~1 GB) then re-reads the
    # full-text index from the OS on every search; 64 MB per connection and memory-mapped
    # reads keep the hot pages in the process.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": float(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")),
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY"
            ),
        }
    )

# Shared by every server process, so a write from `load_readouts` or the admin reaches them all
# (`readouts.cache` keys on an archive version bumped after each write). On PostgreSQL, the
# database's own cache tables, unlogged (migration 0020: no cache write waits for the WAL to
# reach the disk): concurrent writers are what PostgreSQL does well. On SQLite, files in a
# folder beside the database (DJANGO_CACHE_DIR): a cache row written by a public GET would
# queue for the database's one write lock behind every load and admin save, so no page view
# writes to the database there. The files are shared by all gunicorn workers (atomic renames),
# survive a restart, and are cheap to lose: every entry is recomputed from the rows.
# The kept pages (readouts/views/repeats.py) have a cache of their own: one entry per URL anyone
# asks for, culled among themselves, so a crawler's thousands of pages never cull the archive
# version or the counts a write prepared.
if SQLITE:
    database_file = str(DATABASES["default"]["NAME"])
    cache_dir = Path(
        os.environ.get(
            "DJANGO_CACHE_DIR",
            f"{database_file}-cache" if database_file != ":memory:" else BASE_DIR / "cache",
        )
    )
    CACHES = {
        # One entry per set of filters people ask for (counts and facets): room for many.
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": cache_dir,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": cache_dir / "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "readouts_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "readouts_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login rate limiting (django-axes): five wrong passwords for one user name from one address lock
# that pair out for an hour; a successful login clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# Behind the TLS proxy every request comes from the proxy, so lockouts must key on the visitor's
# address: the one the nearest proxy appended to X-Forwarded-For (read by django-ipware; what a
# client writes there itself is ignored). DJANGO_TRUSTED_PROXY_COUNT proxies stand in front.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0" if DEBUG else "1"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1  # the last proxy is REMOTE_ADDR itself
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

LANGUAGE_CODE = "en"
# The interface in English or French. No language in the URL: a call, an official or a search
# has one address whatever the reader's language, so citations, permalinks, feeds and the cached
# fragments (keyed by language) stay one per record. Accept-Language chooses on a first visit;
# the switcher (/language/<code>/) keeps the choice in a cookie for a year.
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# One line per event, for the process manager to collect: gunicorn writes the access log on
# stdout (one line a request, see archive/gunicorn.conf.py); Django's own messages, errors with
# their traceback (``django.request`` logs each 5xx with exc_info), go to stderr, so commands
# whose stdout is data (``export_calls > archive.json``, ``dumpdata``) stay clean.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Everything the pages load comes from our own origin: no inline script or style, no CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto; it must strip any such header
    # a client sends. Load balancers probe /healthz over plain HTTP, so it is not redirected.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Open data (readouts/api/, readouts/dataset/): the read-only JSON API at /api/v1/ with its
# OpenAPI schema (Django REST framework + drf-spectacular; the reference page's Swagger UI comes
# from drf-spectacular-sidecar, served by whitenoise like our own files), CORS for GET on the
# API and the dataset (django-cors-headers), and where the dataset files are written.
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "corsheaders"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
CORS_URLS_REGEX = r"^/(api/v1|data)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "Retry-After"]
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The same address the login lockouts key on: the one the nearest proxy appended.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Readout Archive API",
    "DESCRIPTION": (
        "Read-only access to the archive's calls, readouts, statements, officials, offices and "
        "topics, with the same filters, search and facets as the site's lists."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "readouts.api.parameters.describe_parameters",
    ],
}
# Anonymous clients: this many requests per window of seconds per address, then 429 with
# Retry-After (counted in the shared cache, so every gunicorn worker sees the same count).
API_RATE_LIMIT = (int(os.environ.get("DJANGO_API_RATE_LIMIT", "120")), 60)
DATASET_ROOT = Path(os.environ.get("DJANGO_DATASET_ROOT", BASE_DIR / "dataset"))
