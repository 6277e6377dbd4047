from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = "Coordination portal"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_keep_roles_in_step, sender=self)

        from django.contrib.auth.signals import user_logged_in

        from coordination.i18n import language_on_login

        user_logged_in.connect(language_on_login, dispatch_uid="coordination.language_on_login")


def _keep_roles_in_step(sender, **kwargs):
    """New models added by later migrations get their permissions in the groups too."""
    from coordination.roles import sync_roles

    sync_roles()
