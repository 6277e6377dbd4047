"""From an event to deliveries: one per active endpoint subscribed, with the object's API JSON."""

import types

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation

from api.models import WebhookDelivery, WebhookEndpoint
from common import events
from common.queue import defer_on_commit
from meetings.models import ActionItem, AgendaItem, Meeting

# Payloads are read as a participant, nobody in particular (``None``, common.access): the text of draft minutes is
# never sent anywhere, nor what is kept to the secretariat.
_READER = types.SimpleNamespace(user=None)


def _meeting_data(meeting: Meeting) -> dict:
    from api.serializers import MeetingSerializer

    agenda = Prefetch("agenda_items", queryset=AgendaItem.objects.readable_by(None).order_by("position", "id"))
    meeting = Meeting.objects.select_related("series").prefetch_related(agenda, "participations").get(pk=meeting.pk)
    return MeetingSerializer(meeting, context={"request": _READER}).data


def _action_data(action: ActionItem) -> dict | None:
    from api.serializers import ActionSerializer

    # An action recorded in draft minutes is part of them: nobody outside the secretariat hears of it before.
    action = ActionItem.objects.in_published_minutes().with_latest_update(_READER.user).filter(pk=action.pk).first()
    return None if action is None else ActionSerializer(action, context={"request": _READER}).data


def payload_for(name: str, obj) -> dict | None:
    """The JSON an event sends, or None when there is nothing that may be sent."""
    with translation.override(settings.LANGUAGE_CODE):
        data = _action_data(obj) if name.startswith("action.") else _meeting_data(obj)
    if data is None:
        return None
    return {"event": name, "occurred_at": timezone.now().isoformat(), "data": data}


def record_event(name: str, obj) -> list[WebhookDelivery]:
    """Write a delivery of event ``name`` for every active, unpaused endpoint subscribed, and defer sending each."""
    from api.tasks import deliver_webhook

    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True, paused_at__isnull=True)
        if name in endpoint.events
    ]
    if not endpoints:
        return []
    payload = payload_for(name, obj)
    if payload is None:
        return []
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event=name, payload=payload, next_attempt_at=timezone.now())
        for endpoint in endpoints
    )
    for delivery in deliveries:
        defer_on_commit(deliver_webhook, delivery_id=delivery.pk)
    return deliveries


def subscribe() -> None:
    events.subscribe(record_event)
