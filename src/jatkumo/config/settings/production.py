"""Production: a secret key must be given, cookies are secure, hosts must be listed."""

from jatkumo.config import env
from jatkumo.config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.secret_key(required=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
