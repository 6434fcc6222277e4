"""Test settings: fast password hashing, in-memory mail, no throttling."""

from jatkumo.config.settings.base import *  # noqa: F403
from jatkumo.config.settings.base import REST_FRAMEWORK

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite posts many needs from one address; the test of the limit sets its own value.
BROKER_INTAKE_PER_HOUR = 1000
# Tests change the taxonomy between cases: the engine checks it on every call.
JATKUMO_TAXONOMY_CHECK_SECONDS = 0.0
