"""The checks a production start (gunicorn with DEBUG off, coordination/gunicorn.conf.py) must pass first."""

import django


def refuse_to_serve_unless_the_deploy_check_passes() -> None:
    """Exit with the check's message unless `manage.py check --deploy --fail-level WARNING` passes: production never
    starts with a weakened security setting or an account that still accepts the demo password."""
    django.setup()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError
    from django.db import connections

    try:
        call_command("check", deploy=True, fail_level="WARNING")
    except SystemCheckError as error:
        raise SystemExit(
            f"Refusing to serve: `manage.py check --deploy --fail-level WARNING` failed.\n{error}"
        ) from None
    finally:
        connections.close_all()  # the workers fork from this process: they must not share its connection
