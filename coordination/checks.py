"""Deploy checks (`manage.py check --deploy`) for what Django's own do not know about this portal."""

import os

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.security, deploy=True)
def portal_base_url_is_set(app_configs=None, **kwargs):
    if settings.DEBUG or settings.PORTAL_BASE_URL:
        return []
    return [
        Error(
            "PORTAL_BASE_URL is not set: the links in e-mails would point nowhere.",
            hint="Set PORTAL_BASE_URL to the portal's public address, e.g. https://portal.example.org.",
            id="coordination.E001",
        )
    ]


def demo_accounts_with_the_demo_password() -> list[str]:
    """The demo accounts (`load_demo`) that still accept the demo password."""
    from django.contrib.auth import get_user_model

    from coordination.operations.demo import DEMO_USERS

    passwords = {"demo", os.environ.get("DEMO_PASSWORD", "demo")}
    users = get_user_model().objects.filter(username__in=DEMO_USERS, is_active=True)
    return sorted(user.username for user in users if any(user.check_password(p) for p in passwords))


@register(Tags.security, deploy=True)
def no_demo_credentials(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    try:
        accounts = demo_accounts_with_the_demo_password()
    except DatabaseError:  # no database yet: nothing to accept a login either
        return []
    if not accounts:
        return []
    return [
        Error(
            f"The demo account(s) {', '.join(accounts)} accept the demo password.",
            hint="Give them a strong password (manage.py changepassword NAME) or delete them before going live.",
            id="coordination.E002",
        )
    ]
