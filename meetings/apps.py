from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"

    def ready(self):
        from meetings import signals  # noqa: F401  (connects the receivers)
