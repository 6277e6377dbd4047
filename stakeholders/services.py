"""Rules about deleting organisations: one that other records refer to is kept, and we say which records."""

from django.db import models
from django.utils.translation import gettext as _

from stakeholders.models import Organization

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
