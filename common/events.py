"""Events the portal's services announce to whoever listens (the API's webhooks), without importing them.

A service calls ``publish_event(name, obj)`` inside its transaction; each subscriber is called with the event's
name and object once that transaction commits, so a rolled-back change announces nothing. The apps above (the
``api`` app) subscribe in their ``ready()``: the apps below never import them (tests/test_layering.py).
"""

from collections.abc import Callable

from django.db import transaction

MEETING_ANNOUNCED = "meeting.announced"
MEETING_CHANGED = "meeting.changed"
MEETING_CANCELLED = "meeting.cancelled"
MINUTES_PUBLISHED = "minutes.published"
ACTION_CREATED = "action.created"
ACTION_STATUS_CHANGED = "action.status_changed"
EVENTS = (
    MEETING_ANNOUNCED,
    MEETING_CHANGED,
    MEETING_CANCELLED,
    MINUTES_PUBLISHED,
    ACTION_CREATED,
    ACTION_STATUS_CHANGED,
)

_subscribers: list[Callable[[str, object], None]] = []


def subscribe(subscriber: Callable[[str, object], None]) -> None:
    if subscriber not in _subscribers:
        _subscribers.append(subscriber)


def publish_event(name: str, obj) -> None:
    """Tell every subscriber about ``name`` happening to ``obj`` once the current transaction commits."""
    if name not in EVENTS:
        raise ValueError(f"unknown event {name!r}")

    def notify():
        for subscriber in _subscribers:
            subscriber(name, obj)

    transaction.on_commit(notify)
