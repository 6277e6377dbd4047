"""The secretariat's side: registering an endpoint, pausing and resuming it, sending a delivery again."""

import secrets

from django.db import transaction
from django.utils import timezone

from api.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from common.queue import defer_on_commit


def register_endpoint(*, url: str, events: list[str], user) -> tuple[WebhookEndpoint, str]:
    """A new endpoint and its secret, which the page shows once (it is stored: every delivery is signed with it)."""
    secret = secrets.token_hex(32)
    endpoint = WebhookEndpoint.objects.create(url=url, events=list(events), secret=secret, created_by=user)
    return endpoint, secret


def pause_endpoint(endpoint: WebhookEndpoint) -> None:
    if endpoint.paused_at is None:
        endpoint.paused_at = timezone.now()
        endpoint.save(update_fields=["paused_at", "updated"])


@transaction.atomic
def resume_endpoint(endpoint: WebhookEndpoint) -> None:
    """Send again: the failure count starts over and whatever was not delivered is tried at once."""
    from api.tasks import deliver_webhook

    endpoint.paused_at = None
    endpoint.failure_count = 0
    endpoint.save(update_fields=["paused_at", "failure_count", "updated"])
    waiting = endpoint.deliveries.filter(status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED])
    for delivery_id in list(waiting.values_list("pk", flat=True)):
        defer_on_commit(deliver_webhook, delivery_id=delivery_id)
    waiting.update(next_attempt_at=timezone.now())


@transaction.atomic
def send_again(delivery: WebhookDelivery) -> None:
    """Queue a delivery once more, delivered or not (the receiver asked for it again, or lost it)."""
    from api.tasks import deliver_webhook

    delivery.status = DeliveryStatus.PENDING
    delivery.next_attempt_at = timezone.now()
    delivery.save(update_fields=["status", "next_attempt_at"])
    defer_on_commit(deliver_webhook, delivery_id=delivery.pk)
