"""Rules about organisations and contacts: deleting an organisation that other records refer to is refused (and we
say which records); adding a contact; what deactivating one leaves without anyone to reach."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext as _

from common.i18n import content_languages
from common.scripts import suggested_spelling
from stakeholders.models import Contact, Organization

# The script a person's name is shown in to readers of each language, and whether its Latin letters are Uzbek ones.
NAME_SCRIPTS = {"ru": ("cyrillic", False), "en": ("latin", False), "uz": ("latin", True)}

_BLOCKING = (models.PROTECT, models.RESTRICT)


def references_to(organization: Organization) -> list[tuple[str, int]]:
    """The kinds of records that refer to the organisation and how many of each, e.g. [("contacts", 3)].

    Counts every relation that would stop (PROTECT) or silently lose data (a membership, a partnership)
    if the organisation were deleted. One COUNT query per relation.
    """
    relations = [
        relation
        for relation in Organization._meta.related_objects
        if relation.many_to_many or relation.on_delete in _BLOCKING
    ]
    models_seen_twice = {
        relation.related_model
        for relation in relations
        if sum(other.related_model is relation.related_model for other in relations) > 1
    }
    references = []
    for relation in relations:
        count = getattr(organization, relation.get_accessor_name()).count()
        if not count:
            continue
        options = relation.related_model._meta
        label = str(options.verbose_name if count == 1 else options.verbose_name_plural)
        if relation.related_model in models_seen_twice or relation.related_model is Organization:
            label += f" ({_role_name(relation)})"
        references.append((label, count))
    return references


def _role_name(relation) -> str:
    if relation.related_model is Organization:
        return _("units under it")
    return _("as %(role)s") % {"role": relation.field.verbose_name}


def describe_references(references: list[tuple[str, int]]) -> str:
    return ", ".join(f"{count} {label}" for label, count in references)


@transaction.atomic
def create_contact(
    *, organization: Organization, name: str, email: str = "", preferred_language: str = "", user=None
) -> Contact:
    """A new active contact at ``organization``, validated like every contact (``full_clean``); ``user`` is kept
    in the history as who added them."""
    contact = Contact(
        organization=organization,
        name=" ".join(name.split()),
        email=email.strip(),
        preferred_language=preferred_language or settings.LANGUAGE_CODE,
    )
    contact.full_clean()
    if user is not None and user.is_authenticated:
        contact._history_user = user
    contact.save()
    return contact


@dataclass(frozen=True)
class LeftUnreachable:
    """Something that would have nobody to reach at an organisation once a contact is deactivated: a coming meeting
    it is invited to, say. ``text`` names it, ``url`` leads to it."""

    text: str
    url: str


# Apps above this one (meetings) register what would lose its last reachable person (stakeholders imports no app
# above it): each check takes the contact and returns LeftUnreachable rows.
_DEACTIVATION_CHECKS: list[Callable[[Contact], list[LeftUnreachable]]] = []


def register_deactivation_check(check: Callable[[Contact], list[LeftUnreachable]]) -> None:
    if check not in _DEACTIVATION_CHECKS:
        _DEACTIVATION_CHECKS.append(check)


def is_last_reachable_contact(contact: Contact) -> bool:
    """Whether ``contact`` is the only active contact with an e-mail address left at their organisation."""
    if not (contact.is_active and contact.email):
        return False
    others = Contact.objects.active().filter(organization_id=contact.organization_id).exclude(pk=contact.pk)
    return not others.exclude(email="").exists()


def left_unreachable_by_deactivating(contact: Contact) -> list[LeftUnreachable]:
    """What would have nobody to reach at the contact's organisation if ``contact`` (as stored: active, with an
    e-mail address) were deactivated; empty when someone else there can still be reached."""
    if not is_last_reachable_contact(contact):
        return []
    return [row for check in _DEACTIVATION_CHECKS for row in check(contact)]


def suggested_name_spellings(name: str, versions: dict[str, str]) -> dict[str, str]:
    """A transliteration of a person's ``name`` for each reader's script it is not yet written in (``versions``:
    what name_ru, name_en, ... hold): {"name_ru": "Бобоев"} for "Boboev". Only suggestions, for a person to check
    and type in: a name has no one right transliteration, so none is stored unless someone writes it."""
    suggestions = {}
    for language in content_languages():
        if language not in NAME_SCRIPTS or (versions.get(f"name_{language}") or "").strip():
            continue
        script, uzbek = NAME_SCRIPTS[language]
        if spelling := suggested_spelling(name or "", script, uzbek=uzbek):
            suggestions[f"name_{language}"] = spelling
    return suggestions
