import secrets

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import access, fulltext
from common.history import HistoricalRecords
from common.i18n import TranslatedContent, localized, translations_of, with_translations
from common.models import TimeStampedModel


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


# What an organisation's label (str(), short_name) reads, in every language: choice lists load only these.
ORGANIZATION_LABEL_FIELDS = with_translations("name", "acronym")


class OrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_choices(self):
        """Only what an option shows (Organization.__str__), by name: these lists have hundreds of rows."""
        return self.only(*ORGANIZATION_LABEL_FIELDS).order_by("name")


class Organization(TranslatedContent, TimeStampedModel):
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
    # Translations: a field per content language (common.i18n).
    locals().update(translations_of("name", name))
    locals().update(translations_of("acronym", acronym))
    locals().update(translations_of("country", country))
    TRANSLATED_FIELDS = ("name", "acronym", "country")

    search_document = fulltext.stored(fulltext.organization_document())
    history = HistoricalRecords(excluded_fields=["search_document"])
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
        indexes = [
            GinIndex(fields=["search_document"], name="organization_search_idx"),
            fulltext.name_trigram_index("name", name="organization_name_trigram_idx"),
        ]

    def __str__(self):
        name, acronym = self.display_name, self.display_acronym
        return f"{name} ({acronym})" if acronym else name

    @property
    def display_name(self) -> str:
        """The name in the reader's language, else the original."""
        return localized(self, "name")

    @property
    def display_acronym(self) -> str:
        return localized(self, "acronym")

    @property
    def display_country(self) -> str:
        return localized(self, "country")

    @property
    def short_name(self) -> str:
        """The acronym, else the name, in the reader's language."""
        return self.display_acronym or self.display_name

    def get_absolute_url(self):
        return reverse("organization-detail", args=[self.pk])


def units_below(organization_ids) -> RawSQL:
    """Every unit below the given organisations, at any depth (a sub-unit of a unit of a ministry), as a subquery
    for ``pk__in`` / ``organization__in``: a recursive CTE, so no query per level (UNION stops at a loop)."""
    return RawSQL(
        "WITH RECURSIVE below(id) AS ("
        " SELECT id FROM stakeholders_organization WHERE parent_id = ANY(%s)"
        " UNION SELECT unit.id FROM stakeholders_organization unit JOIN below ON unit.parent_id = below.id"
        ") SELECT id FROM below",
        [list(organization_ids)],
    )


class ContactQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def of_user(self, user):
        """The user's own contact record, the one definition: only an *active* one makes them a member of its
        organisation (a contact marked inactive, the person left, is no one's)."""
        return self.active().filter(user=user)


class Contact(TranslatedContent, TimeStampedModel):
    """A person at a member organisation, optionally with a portal account."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=255, blank=True)
    # A name in the reader's script (name_ru in Cyrillic, name_en and name_uz in Latin letters) and the position
    # translated.
    locals().update(translations_of("name", name))
    locals().update(translations_of("position", position))
    TRANSLATED_FIELDS = ("name", "position")
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
        indexes = [fulltext.name_trigram_index("name", name="contact_name_trigram_idx")]
        permissions = [("manage_organization_contacts", _("Can maintain their own organisation's contacts"))]

    def __str__(self):
        return f"{self.name}, {self.organization.short_name}"

    def get_absolute_url(self):
        return self.organization.get_absolute_url()

    @property
    def mail_language(self) -> str:
        """The language to write this person an e-mail in: their preferred one, or the portal's default when it is
        not one the portal speaks."""
        languages = {code for code, _name in settings.LANGUAGES}
        return self.preferred_language if self.preferred_language in languages else settings.LANGUAGE_CODE


class InvitedRole(models.TextChoices):
    """The roles an account invitation may give (Admin is given in the Django admin only)."""

    PARTICIPANT = "participant", _("Participant")
    FOCAL_POINT = "focal_point", _("Focal point of the organisation")
    SECRETARIAT = "secretariat", _("Secretariat")


class InvitationState(models.TextChoices):
    PENDING = "pending", _("awaiting an answer")
    ACCEPTED = "accepted", _("accepted")
    REVOKED = "revoked", _("revoked")
    EXPIRED = "expired", _("expired")


class AccountInvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor revoked (an open invitation may still have expired)."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def pending(self):
        return self.open().filter(expires_at__gt=timezone.now())


class AccountInvitation(TimeStampedModel):
    """A single-use, expiring link that lets a contact set a password; the account is linked to the contact.

    Only a hash of the link's secret is stored, so the table alone cannot be used to take up an invitation.
    """

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="account_invitations", verbose_name=_("contact")
    )
    role = models.CharField(_("role"), max_length=20, choices=InvitedRole.choices, default=InvitedRole.PARTICIPANT)
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = AccountInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("account invitation")
        verbose_name_plural = _("account invitations")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_account_invitation_per_contact",
            ),
        ]

    def __str__(self):
        return f"{self.contact.name} <{self.email}>"

    @property
    def state(self) -> InvitationState:
        if self.accepted_at:
            return InvitationState.ACCEPTED
        if self.revoked_at:
            return InvitationState.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationState.EXPIRED
        return InvitationState.PENDING


class AccountEventKind(models.TextChoices):
    INVITED = "invited", _("Invited to the portal")
    INVITATION_REVOKED = "invitation_revoked", _("Invitation revoked")
    JOINED = "joined", _("Set a password and joined")
    JOINED_BY_SINGLE_SIGN_ON = "joined_by_sso", _("Joined with the organisation's sign-in")
    ROLE_CHANGED = "role_changed", _("Role changed")
    DEACTIVATED = "deactivated", _("Account deactivated")
    REACTIVATED = "reactivated", _("Account reactivated")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Two-factor authentication reset")


class AccountEvent(models.Model):
    """One change to a person's access, for the account's history on the contact page."""

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="account_events", verbose_name=_("contact")
    )
    kind = models.CharField(_("what"), max_length=24, choices=AccountEventKind.choices)
    role = models.CharField(_("role"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created:%Y-%m-%d})"

    @property
    def role_label(self) -> str:
        from common.roles import PortalRole

        return PortalRole(self.role).label if self.role in PortalRole.values else ""


def mail_language_of(user) -> str:
    """The language to write ``user`` an e-mail in: their active contact record's preferred language, or the
    portal's default when they have none (or it is not one the portal speaks)."""
    contact = Contact.objects.of_user(user).only("preferred_language").first()
    return contact.mail_language if contact is not None else settings.LANGUAGE_CODE


def organization_of(user) -> Organization | None:
    """The organisation a portal user belongs to, through their *active* contact record (or None).

    A contact marked inactive (the person left the organisation) makes them a member of nothing: they can no longer
    act for it (common.access). Cached on the user object, so a page asks the database once.
    """
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_organization_cache"):
        contact = Contact.objects.of_user(user).select_related("organization").first()
        user._organization_cache = contact.organization if contact else None
    return user._organization_cache


def may_report_for(user, organization_id: int | None) -> bool:
    """May record progress on something `organization_id` is responsible for: the secretariat always; otherwise
    the update permission (common.access) and an active contact at that organisation."""
    if access.is_secretariat(user):
        return True
    if not access.may_report(user):
        return False
    organization = organization_of(user) if user is not None else None
    return organization_id is not None and organization is not None and organization.pk == organization_id


def may_answer_for_organization(user, organization_id: int | None) -> bool:
    """May answer a meeting invitation for ``organization_id`` and name who attends for it: a focal point with an
    active contact at that organisation (everyone else answers only for themselves)."""
    if not (access.may_read(user) and user.has_perm(access.permission("focal_point"))):
        return False
    organization = organization_of(user) if user is not None else None
    return organization_id is not None and organization is not None and organization.pk == organization_id
