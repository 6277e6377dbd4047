from django.db import models


class TimeStampedModel(models.Model):
    """Adds created/updated stamps to every table of the portal."""

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
