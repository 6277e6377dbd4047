"""The coordination app's own records: the password-reset throttle's requests and the search's vocabulary."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.utils import timezone


class PasswordResetRequest(models.Model):
    """One accepted request for a password-reset mail (whether or not the address belongs to an account)."""

    email = models.CharField(max_length=254)
    ip_address = models.GenericIPAddressField(null=True)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["email", "requested_at"], name="reset_request_email_time"),
            models.Index(fields=["ip_address", "requested_at"], name="reset_request_address_time"),
        ]

    def __str__(self):
        return f"{self.email} from {self.ip_address} at {self.requested_at:%Y-%m-%d %H:%M}"


def admit_password_reset_request(email: str, ip_address: str | None) -> bool:
    """Record a reset request and return True, or return False (recording nothing) while this e-mail address or
    this client address has had its limit of requests within the window (PASSWORD_RESET_*).

    Refused requests are not recorded: a script hammering the form does not prolong the wait."""
    window_start = timezone.now() - settings.PASSWORD_RESET_WINDOW
    PasswordResetRequest.objects.filter(requested_at__lt=window_start).delete()
    recent = PasswordResetRequest.objects.filter(requested_at__gte=window_start)
    email = email.lower()
    if recent.filter(email=email).count() >= settings.PASSWORD_RESET_LIMIT_PER_EMAIL:
        return False
    if ip_address and recent.filter(ip_address=ip_address).count() >= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        return False
    PasswordResetRequest.objects.create(email=email, ip_address=ip_address or None)
    return True


class SearchWord(models.Model):
    """A word of the searchable content that everyone who may search can see, for "Did you mean" when a search
    finds nothing (coordination.search_vocabulary fills the table; a GIN trigram index finds the closest)."""

    word = models.TextField(unique=True)
    occurrences = models.PositiveIntegerField()

    class Meta:
        db_table = "coordination_searchword"  # named in search_vocabulary's SQL
        indexes = [GinIndex(OpClass("word", name="gin_trgm_ops"), name="search_word_trigram_idx")]

    def __str__(self):
        return self.word
