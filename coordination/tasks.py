"""The worker's scheduled search job (procrastinate; see common/queue.py)."""

from procrastinate.contrib.django import app

from coordination import search_vocabulary


@app.periodic(cron="7 * * * *", periodic_id="hourly")
@app.task(name="coordination.refresh_search_vocabulary", queueing_lock="coordination.refresh_search_vocabulary")
def refresh_search_vocabulary(timestamp: int) -> None:
    """Read the words of the searchable content again, for "Did you mean" (a new word is suggested within the hour)."""
    search_vocabulary.refresh()
