"""E-mail to the people behind the organisations: invitations, minutes published, follow-up action reminders.

- ``recipients``: who receives what (a meeting's people, the reminders due to each person), and in which language;
- ``itip``: the calendar message (RFC 5546) attached to an invitation;
- ``delivery``: the e-mails themselves, rendered and written to the outbox, and what was recorded as sent.
"""
