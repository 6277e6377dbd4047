"""Deferring work to the task queue (procrastinate on the portal's PostgreSQL; the tasks are in each app's tasks.py).

A page never does slow or outside work itself (mail above all): it records what must happen in its transaction and
defers a job once that transaction commits; `manage.py procrastinate worker` runs it. In the tests
(``settings.TASKS_RUN_IN_PROCESS``) the job runs at once in the deferring process instead, so a click's mail is in
``django.core.mail.outbox`` when the response arrives; tests/common/test_task_queue.py drives the real worker.
"""

from django.conf import settings
from django.db import close_old_connections, transaction


def defer(task, **kwargs) -> None:
    """Queue a job of ``task`` for the worker (or, in the tests, run it here and now)."""
    if settings.TASKS_RUN_IN_PROCESS:
        task(**kwargs)
    else:
        task.defer(**kwargs)


def defer_on_commit(task, **kwargs) -> None:
    """Queue the job once the current transaction commits: a rolled-back change queues nothing."""
    transaction.on_commit(lambda: defer(task, **kwargs))


def close_database_connections(call_next, context, worker):
    """A task middleware: the worker runs each sync job in a thread of a pool, so the job's database connection is
    closed after it, as Django does after a request (none is left broken or idle between jobs)."""
    close_old_connections()
    try:
        return call_next()
    finally:
        close_old_connections()


def configure_app(app) -> None:
    """procrastinate's ON_APP_READY hook (settings.PROCRASTINATE_ON_APP_READY)."""
    app.worker_defaults = {**app.worker_defaults, "task_middleware": [close_database_connections]}
