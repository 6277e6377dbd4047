"""The worker's webhook jobs (procrastinate; see common/queue.py and api/webhooks/delivery.py)."""

from procrastinate.contrib.django import app

from api.webhooks import delivery


@app.task(name="api.deliver_webhook", queue="webhooks")
def deliver_webhook(delivery_id: int) -> None:
    delivery.attempt_delivery(delivery_id)


@app.periodic(cron="* * * * *", periodic_id="every-minute")
@app.task(name="api.sweep_webhooks", queue="webhooks", queueing_lock="api.sweep_webhooks")
def sweep_webhooks(timestamp: int) -> None:
    delivery.deliver_due()
