from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = "Coordination portal"

    def ready(self):
        from django.db.models.signals import post_migrate, pre_migrate

        from coordination import checks  # noqa: F401  (registers the deploy checks)

        pre_migrate.connect(_migrations_wait_briefly_for_locks, dispatch_uid="coordination.migration_lock_timeout")
        post_migrate.connect(_keep_roles_in_step, dispatch_uid="coordination.keep_roles_in_step")
        post_migrate.connect(_locks_wait_as_usual_again, dispatch_uid="coordination.migration_lock_timeout_reset")

        from django.contrib.auth.signals import user_logged_in

        from coordination.i18n import language_on_login

        user_logged_in.connect(language_on_login, dispatch_uid="coordination.language_on_login")

        from django.contrib.sessions.models import Session
        from django.db.models.signals import post_delete

        post_delete.connect(_forget_cached_session, sender=Session, dispatch_uid="coordination.forget_cached_session")


def _forget_cached_session(sender, instance, **kwargs):
    """A deleted session row ends the session with the cached_db backend too (it would be read from the cache)."""
    from coordination.sessions import forget_cached_session

    forget_cached_session(instance.session_key)


def _migrations_wait_briefly_for_locks(sender, using="default", **kwargs):
    """A schema change that waits for a lock holds up every request queued behind it: while the portal serves,
    `migrate` gives up after MIGRATION_LOCK_TIMEOUT instead (run it again when the table is quiet)."""
    from django.conf import settings
    from django.db import connections

    with connections[using].cursor() as cursor:
        cursor.execute("SELECT set_config('lock_timeout', %s, false)", [settings.MIGRATION_LOCK_TIMEOUT])


def _locks_wait_as_usual_again(sender, using="default", **kwargs):
    from django.apps import apps
    from django.db import connections

    if sender is [config for config in apps.get_app_configs() if config.models_module is not None][-1]:
        with connections[using].cursor() as cursor:
            cursor.execute("RESET lock_timeout")


def _keep_roles_in_step(sender, **kwargs):
    """New models added by later migrations get their permissions in the groups too.

    post_migrate is sent once per app, in INSTALLED_APPS order, and each app's permissions are created by
    its own signal: only after the last app with models are all of them there (also after a test flush).
    Apps without models (django-zeal in the tests) send no post_migrate at all.
    """
    from django.apps import apps

    apps_with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not apps_with_models[-1]:
        return
    from common.roles import sync_roles

    sync_roles()
