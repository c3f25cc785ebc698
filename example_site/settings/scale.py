"""The production settings, for several app servers on one machine's loopback (tests/scale/).

Everything comes from the environment as in production (PostgreSQL, Redis, S3, the secret
key); the test plays the load balancer that ends TLS, so it sends X-Forwarded-Proto and
X-Forwarded-For (``DJANGO_PROXY_COUNT=1``) and every request counts as HTTPS: Secure cookies,
strict CSRF checks. Only what a test written in Python needs differs from production.
"""

import os

from .production import *  # noqa: F403

# Plain HTTP on loopback: no redirect (the proxy headers still make each request secure).
SECURE_SSL_REDIRECT = False
# A proof of work a Python client solves at once (browsers get 500,000).
WAGTAIL_VERTROUWEN_POW_MAX_NUMBER = int(os.environ.get("VERTROUWEN_POW_MAX_NUMBER", "1000"))
# Low enough to reach the hourly limit in a test.
WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = int(os.environ.get("VERTROUWEN_RATE_LIMIT_PER_HOUR", "60"))
# Mail stays in the process: no SMTP server on loopback (notifications wait in the task queue,
# as no worker runs).
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
