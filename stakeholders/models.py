import secrets

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coordination import fulltext
from coordination.models import TimeStampedModel


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government body")
    JUDICIARY = "judiciary", _("Judiciary")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    NATIONAL_COORDINATION = "national_coordination", _("National coordination body")
    DIPLOMATIC = "diplomatic", _("Diplomatic mission")
    DONOR = "donor", _("Donor agency")
    INTERNATIONAL = "international", _("International organisation")
    UN_ENTITY = "un_entity", _("UN entity")
    NGO = "ngo", _("NGO / civil society")
    ACADEMIA = "academia", _("Academia")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", _("Other")


class OrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Organization(TimeStampedModel):
    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices, default=OrganizationKind.OTHER)
    country = models.CharField(_("country"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The body this one belongs to, e.g. a sub-commission under a commission."),
        verbose_name=_("parent"),
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    search_document = fulltext.stored(fulltext.organization_document())

    history = HistoricalRecords(excluded_fields=fulltext.STORED_FIELDS)
    objects = fulltext.WithoutStoredDocuments.from_queryset(OrganizationQuerySet)()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")),
                name="organization_not_own_parent",
            ),
        ]
        indexes = [GinIndex(fields=["search_document"], name="organization_search_idx")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("organization-detail", args=[self.pk])


class ContactQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Contact(TimeStampedModel):
    """A person at a member organisation, optionally with a portal account."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=255, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact",
        help_text=_("The portal account of this person, if they have one."),
        verbose_name=_("user"),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    receives_reminders = models.BooleanField(_("receives reminders"), default=True)
    calendar_token = models.CharField(
        _("calendar token"), max_length=64, unique=True, default=secrets.token_urlsafe, editable=False
    )

    history = HistoricalRecords()
    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.organization.short_name}"

    def get_absolute_url(self):
        return self.organization.get_absolute_url()


def organization_of(user) -> Organization | None:
    """The organisation a portal user belongs to, through their *active* contact record (or None).

    A contact marked inactive (the person left the organisation) makes them a member of nothing: they can no longer
    act for it (coordination.access). Cached on the user object, so a page asks the database once.
    """
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_organization_cache"):
        user._organization_cache = Organization.objects.filter(contacts__user=user, contacts__is_active=True).first()
    return user._organization_cache
