from django.apps import AppConfig


class CommonConfig(AppConfig):
    """The ground floor: primitives every app may use and that use no app of the portal."""

    name = "common"
    verbose_name = "Common"
