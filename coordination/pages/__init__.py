"""The pages that span the apps: dashboard, search, the organisation page, the calendar feed, the health check and
the account pages (login, password change and reset behind the login throttle)."""
