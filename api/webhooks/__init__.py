"""Webhooks: the secretariat registers endpoints for events (common.events); each event is POSTed to them, signed.

Each event, once its change commits, writes one ``WebhookDelivery`` per active endpoint subscribed to it (the
object's API JSON, read as someone who may not see draft minutes) and defers a job (``api.tasks``) that sends it;
a failed attempt is tried again with backoff by the worker's sweep, and an endpoint that keeps failing is paused and
its creator told. See ``signing`` for what a receiver checks and ``addresses`` for the addresses refused.
"""
