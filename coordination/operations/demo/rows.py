"""How the demo writes its rows: by natural key, and only when something differs."""

import datetime

from coordination.operations.demo.facts import TASHKENT


def _sync(model, defaults=None, **lookup):
    """Like update_or_create, but writes (and so adds a history entry) only when something differs."""
    defaults = defaults or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [field for field, value in defaults.items() if getattr(instance, field) != value]
    if changed:
        for field in changed:
            setattr(instance, field, defaults[field])
        instance.save()
    return instance, False


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TASHKENT)
