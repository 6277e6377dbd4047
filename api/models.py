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


class WebhookEndpoint(models.Model):
    """An address the secretariat registered to be told of events (api.webhooks), each delivery signed."""

    url = models.URLField(_("URL"), max_length=500)
    events = models.JSONField(_("events"), default=list)
    # The secret itself, not a hash: the portal signs every delivery with it (HMAC), so it must be able to read it.
    # It is shown once, when the endpoint is registered.
    secret = models.CharField(max_length=64, editable=False)
    active = models.BooleanField(_("active"), default=True)
    paused_at = models.DateTimeField(_("paused"), null=True, blank=True)
    failure_count = models.PositiveIntegerField(_("consecutive failures"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="webhook_endpoints",
        verbose_name=_("created by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.url

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one endpoint; tried again with backoff until it is delivered."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event = models.CharField(_("event"), max_length=40)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_status_code = models.PositiveIntegerField(_("last status code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="api_webhook_due")]

    def __str__(self):
        return f"{self.event} → {self.endpoint_id} ({self.status})"
