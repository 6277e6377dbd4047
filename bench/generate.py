"""Replace a bench database's data with the generated data set (bench/datagen.py, bulk inserts).

Usage: python -m bench.generate [--scale 1] [--seed 1] [--force]
The database is the benchmark's own for that scale (bench/database.py: BENCH_DATABASE_URL, or
`coordination_bench…` next to the portal's), created and migrated first when needed. `make bench` (bench/run.py)
calls generate_data_set itself, only when the data set is missing or the generator changed. A database whose name
does not contain "bench" is refused unless --force is given: generating empties the portal's tables.
"""

import argparse
import time


class NotABenchDatabase(Exception):
    pass


def generate_data_set(*, scale: float, seed: int = 1, force: bool = False, log=print) -> dict[str, int]:
    """Generate the data set in the database Django is connected to; returns row counts per model."""
    from django.db import connection

    from bench import datagen

    database = connection.settings_dict["NAME"]
    if "bench" not in database and not force:
        raise NotABenchDatabase(
            f"This empties the portal's tables in the database '{database}'. "
            "Point BENCH_DATABASE_URL at a bench database or pass --force."
        )
    if scale <= 0:
        raise ValueError("the scale must be positive")
    started = time.monotonic()
    log(f"Generating the bench data set at scale {scale} in '{database}'...")
    counts = datagen.generate(scale=scale, seed=seed, log=log)
    datagen.analyze()
    log(", ".join(f"{name}: {count:,}" for name, count in sorted(counts.items())))
    log(f"Generated in {time.monotonic() - started:.1f} s.")
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 10,000 meetings, 100,000 agenda items")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="allow a database not named *bench*")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")

    from bench.environment import configure_environment

    configure_environment(args.scale)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    try:
        generate_data_set(scale=args.scale, seed=args.seed, force=args.force)
    except NotABenchDatabase as refusal:
        raise SystemExit(str(refusal)) from None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
