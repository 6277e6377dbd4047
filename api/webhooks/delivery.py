"""Sending a delivery: one signed POST, no redirect followed, a short timeout; a failure is tried again later.

A sender claims a delivery first (a lease on ``next_attempt_at`` in a short transaction, ``SKIP LOCKED``), so the
job deferred at the event and the worker's sweep never send one delivery at the same time. A failed attempt is tried
again after 1 minute, then 2, 4, ... at most every hour; after MAX_CONSECUTIVE_FAILURES failed attempts in a row the
endpoint is paused (nothing more is sent to it until someone resumes it) and its creator is e-mailed.
"""

import datetime
import json
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from api.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from api.webhooks import addresses, signing
from common.outbox import enqueue_mail
from common.retries import retry_delay
from stakeholders.models import mail_language_of

TIMEOUT_SECONDS = 5
MAX_CONSECUTIVE_FAILURES = 10
# Longer than one attempt can take (TIMEOUT_SECONDS): a sender that died mid-send leaves the delivery to the sweep.
CLAIM_LEASE = datetime.timedelta(minutes=2)
SWEEP_BATCH = 50


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other: not followed (it could lead anywhere, the portal's network too)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


# No proxy from the environment either: the request goes to the address that was checked.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


def _claim(delivery_id: int) -> WebhookDelivery | None:
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED])
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .first()
        )
        if delivery is not None:
            delivery.next_attempt_at = now + CLAIM_LEASE
            delivery.save(update_fields=["next_attempt_at"])
    return delivery


def _post(delivery: WebhookDelivery) -> tuple[int | None, str]:
    """(status code, error): the code of the answer (None when there was none) and what went wrong ("" if fine)."""
    endpoint = delivery.endpoint
    refusal = addresses.url_refusal(endpoint.url)
    if refusal:
        return None, refusal
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    timestamp = int(time.time())
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked by url_refusal: http(s) only)
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "coordination-portal-webhooks",
            "X-Portal-Event": delivery.event,
            "X-Portal-Delivery": str(delivery.pk),
            "X-Portal-Timestamp": str(timestamp),
            "X-Portal-Signature": signing.signature(endpoint.secret, timestamp, body),
        },
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            return error.code, _("The endpoint answered with a redirect (%(code)s), which is not followed.") % {
                "code": error.code
            }
        return error.code, _("The endpoint answered %(code)s.") % {"code": error.code}
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return None, _("No answer from the endpoint: %(reason)s") % {"reason": reason}


def attempt_delivery(delivery_id: int) -> WebhookDelivery | None:
    """Send one delivery if it is due and nobody else is sending it; record the outcome."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return None
    status_code, error = _post(delivery)
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code = status_code
    if not error and status_code is not None and 200 <= status_code < 300:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        delivery.last_error = ""
        delivery.save()
        WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).update(failure_count=0)
        return delivery
    delivery.status = DeliveryStatus.FAILED
    delivery.last_error = error or _("The endpoint answered %(code)s.") % {"code": status_code}
    delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save()
    _count_failure(delivery.endpoint)
    return delivery


def _count_failure(endpoint: WebhookEndpoint) -> None:
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failure_count=F("failure_count") + 1)
    now = timezone.now()
    with transaction.atomic():
        paused = WebhookEndpoint.objects.filter(
            pk=endpoint.pk, paused_at__isnull=True, failure_count__gte=MAX_CONSECUTIVE_FAILURES
        ).update(paused_at=now)
        if paused:
            endpoint.paused_at = now
            _tell_creator_of_pause(endpoint)


def _tell_creator_of_pause(endpoint: WebhookEndpoint) -> None:
    """One e-mail to the endpoint's creator, through the outbox (sent once the pause commits)."""
    creator = endpoint.created_by
    if creator is None or not creator.email:
        return
    with translation.override(mail_language_of(creator)):
        body = _(
            "The portal stopped sending events to the webhook endpoint %(url)s: its last %(count)s deliveries "
            "failed. Check the endpoint, then resume it on its page:\n\n%(link)s\n"
        ) % {
            "url": endpoint.url,
            "count": MAX_CONSECUTIVE_FAILURES,
            "link": settings.PORTAL_BASE_URL + reverse("api:webhook-detail", args=[endpoint.pk]),
        }
        subject = _("Webhook endpoint paused: %(url)s") % {"url": endpoint.url}
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[creator.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    enqueue_mail(message, key=f"webhook-paused-{endpoint.pk}-{endpoint.paused_at.timestamp()}")


def due_deliveries(now=None):
    now = now or timezone.now()
    return WebhookDelivery.objects.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED],
        next_attempt_at__lte=now,
        endpoint__active=True,
        endpoint__paused_at__isnull=True,
    ).order_by("next_attempt_at", "id")


def deliver_due() -> int:
    """The sweep: send every delivery whose (next) attempt has come. Returns how many were attempted."""
    attempted = 0
    for delivery_id in list(due_deliveries().values_list("pk", flat=True)[:SWEEP_BATCH]):
        if attempt_delivery(delivery_id) is not None:
            attempted += 1
    return attempted
