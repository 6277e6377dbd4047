"""`make check-migrations`: the models compared with the migrations, and nothing else.

`makemigrations --check` also reads which migrations the default database has applied, to refuse an inconsistent
history: that is the development database, which a test may not read, and one left half-way through a squashed
migration's replaced ones made `make test` fail until `make migrate` ran. Without a database (Django's dummy
backend) the command compares the models with the migration files alone; `migrate` still checks the history of the
database it migrates.
"""

from coordination.settings import *  # noqa: F403

DATABASES = {"default": {"ENGINE": "django.db.backends.dummy"}}
