"""The worker's mail jobs (procrastinate; `manage.py procrastinate worker` runs them, see common/queue.py).

``deliver_mail`` sends the outbox rows a committed change wrote; ``sweep_outbox`` runs every minute and sends
whatever is due (a crash between commit and deferring, a failed attempt whose ``next_attempt_at`` has come, a row
whose sender died mid-send and whose claim lease ran out). Each row is claimed before it is sent (common.outbox), so
two workers, a retried job and the sweep never send one row twice.
"""

from procrastinate.contrib.django import app

from common import outbox


@app.task(name="common.deliver_mail", queue="mail")
def deliver_mail(mail_ids: list[int]) -> None:
    outbox.deliver(mail_ids)


@app.periodic(cron="* * * * *", periodic_id="every-minute")
@app.task(name="common.sweep_outbox", queue="mail", queueing_lock="common.sweep_outbox")
def sweep_outbox(timestamp: int) -> None:
    outbox.deliver_pending_mail_with_backoff()


@app.periodic(cron="*/5 * * * *", periodic_id="every-5-minutes")
@app.task(name="common.retry_stalled_jobs", queueing_lock="common.retry_stalled_jobs", pass_context=True)
async def retry_stalled_jobs(context, timestamp: int) -> None:
    """A job whose worker died (no heartbeat) is run again: its work is safe to repeat (claimed outbox rows wait for
    their lease to run out; reminders are recorded once per day and person)."""
    for job in await context.app.job_manager.get_stalled_jobs():
        await context.app.job_manager.retry_job(job)
