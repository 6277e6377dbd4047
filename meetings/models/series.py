"""Meeting series and the topics put on their content."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from common.history import HistoricalRecords
from common.i18n import TranslatedContent, localized, translations_of
from common.models import TimeStampedModel


class Topic(TranslatedContent, TimeStampedModel):
    """A tag such as an emerging trend, put on agenda items, statements and activities."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_emerging_trend = models.BooleanField(_("emerging trend"), default=False)
    # Translations: a field per content language (common.i18n).
    locals().update(translations_of("name", name))
    TRANSLATED_FIELDS = ("name",)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return localized(self, "name")


# The longest series part of a download's name ("<series>-meeting-6.ics").
FILE_SLUG_LENGTH = 40


class MeetingSeries(TranslatedContent, TimeStampedModel):
    """A coordination platform: the recurring series of meetings of one set of partners."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    convening_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="convened_series",
        verbose_name=_("convening organisation"),
    )
    funding_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_series",
        verbose_name=_("funding organisation"),
    )
    programme = models.CharField(_("programme"), max_length=255, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    members = models.ManyToManyField(
        "stakeholders.Organization", blank=True, related_name="member_of_series", verbose_name=_("members")
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Anyone, without an account, may read the series' announced meetings, their published minutes and its "
            "activity plans: only the agenda items, statements and documents marked public."
        ),
    )
    attendance_is_public = models.BooleanField(
        _("attendance list public"),
        default=False,
        help_text=_("The public pages also list the organisations that attended each meeting."),
    )
    # Translations: a field per content language (common.i18n).
    locals().update(translations_of("title", title))
    locals().update(translations_of("description", description))
    locals().update(translations_of("country", country))
    TRANSLATED_FIELDS = ("title", "description", "country")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["title"]

    def __str__(self):
        return localized(self, "title")

    @property
    def file_slug(self) -> str:
        """The series in the names of downloads: its title as a slug cut at a word ("multi-stakeholder-coordination-
        meetings"), never its database id. A title in Cyrillic keeps its letters (sent as ``filename*``)."""
        slug = slugify(self.title, allow_unicode=True)
        if len(slug) > FILE_SLUG_LENGTH:
            slug = slug[: FILE_SLUG_LENGTH + 1].rsplit("-", 1)[0]
        return slug[:FILE_SLUG_LENGTH].strip("-_") or "series"

    def get_absolute_url(self):
        return reverse("meetings:series-detail", args=[self.pk])

    def get_public_url(self):
        return reverse("public-series", args=[self.pk])
