"""Running the portal, not serving it: the embedded PostgreSQL server and its database backend, backup and restore,
and the demo data (the `backup`, `restore` and `load_demo` management commands call these)."""
