from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Read API")

    def ready(self):
        from api import schema  # noqa: F401  (registers the token scheme with drf-spectacular)
        from api.webhooks import events

        events.subscribe()
