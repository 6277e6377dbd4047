# Sourced by .ci/run: a PostgreSQL server from Debian's `postgresql` package (installed when missing), a fresh
# cluster of its own in a temporary directory on CI_PG_PORT, a role with a password and a database, and
# DATABASE_URL exported so that the settings use it instead of the embedded server. `ci_postgres_stop` stops it.
CI_PG_PORT=${CI_PG_PORT:-55432}
CI_PG_USER=portal
CI_PG_PASSWORD=portal-ci-password
CI_PG_DATABASE=portal

ci_postgres_start() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq
    # Debian's package starts its own "main" cluster where it can; ours is separate, on another port.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  CI_PG_DATA=$(mktemp -d /tmp/ci-postgres.XXXXXX)
  chown postgres: "$CI_PG_DATA"
  runuser -u postgres -- "$bin/initdb" -D "$CI_PG_DATA/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --no-sync >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$CI_PG_DATA/data" -l "$CI_PG_DATA/server.log" -w \
    -o "-p $CI_PG_PORT -k $CI_PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  CI_PG_BIN=$bin
  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$CI_PG_DATA" -p "$CI_PG_PORT" -U postgres -d postgres)
  # CREATEDB: the test runner creates and drops its own test database next to this one.
  "${psql[@]}" -c "CREATE ROLE $CI_PG_USER LOGIN CREATEDB PASSWORD '$CI_PG_PASSWORD'"
  "${psql[@]}" -c "CREATE DATABASE $CI_PG_DATABASE OWNER $CI_PG_USER"
  export DATABASE_URL="postgres://$CI_PG_USER:$CI_PG_PASSWORD@127.0.0.1:$CI_PG_PORT/$CI_PG_DATABASE"
  echo "CI: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') from Debian's package on port $CI_PG_PORT;" \
    "DATABASE_URL=postgres://$CI_PG_USER:***@127.0.0.1:$CI_PG_PORT/$CI_PG_DATABASE"
}

ci_postgres_stop() {
  if [ -n "${CI_PG_DATA:-}" ]; then
    runuser -u postgres -- "$CI_PG_BIN/pg_ctl" -D "$CI_PG_DATA/data" -m fast -w stop >/dev/null || true
    rm -rf "$CI_PG_DATA"
  fi
}
