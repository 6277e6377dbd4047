"""How the demo writes its rows: by natural key, and only when something differs."""

import datetime

from coordination.operations.demo.facts import TASHKENT, TRANSLATIONS
from coordination.operations.demo.places import PLACE_NAMES


def _versions(field: str, text: str) -> dict[str, str]:
    """The Russian and Uzbek versions of ``text`` for ``<field>_ru`` and ``<field>_uz`` (empty when there is none)."""
    russian, uzbek = TRANSLATIONS.get(text) or PLACE_NAMES.get(text, ("", ""))
    return {f"{field}_ru": russian, f"{field}_uz": uzbek}


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
