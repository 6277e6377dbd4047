"""Personal API tokens: a person reads the API with their own rights, never more, and only reads."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a token's secret starts with, so a leaked one is recognisable (e.g. by secret scanners).
TOKEN_PREFIX = "cp_"  # noqa: S105 (a public marker, not a secret)
# Characters of the secret kept in clear, to tell a person's tokens apart on their settings page.
DISPLAY_PREFIX_LENGTH = 10


class TokenScope(models.TextChoices):
    READ = "read", _("Read")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, owner__is_active=True)


class ApiToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=100)
    # sha256 of the secret: the secret itself is shown once, when the token is created, and never stored.
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    display_prefix = models.CharField(_("starts with"), max_length=DISPLAY_PREFIX_LENGTH, editable=False)
    scope = models.CharField(_("scope"), max_length=16, choices=TokenScope.choices, default=TokenScope.READ)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.display_prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @classmethod
    def create_for(cls, *, owner, name: str) -> tuple["ApiToken", str]:
        """A new token for ``owner`` and its secret, which the caller shows once: only its hash is kept."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            owner=owner, name=name, secret_hash=hash_secret(secret), display_prefix=secret[:DISPLAY_PREFIX_LENGTH]
        )
        return token, secret

    @classmethod
    def find(cls, secret: str) -> "ApiToken | None":
        return cls.objects.select_related("owner").filter(secret_hash=hash_secret(secret)).first()

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def record_use(self) -> None:
        """Stamp the last use, at most once a minute, so reading the API does not write on every request."""
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() >= 60:
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
