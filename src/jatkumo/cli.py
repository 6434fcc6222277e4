"""The `jatkumo` command.

`jatkumo setup` and `jatkumo serve` are ours; every other sub-command is a Django management
command (`jatkumo taxonomy import-esco DIR`, `jatkumo migrate`, `jatkumo createsuperuser`, ...).
The command is thin: the work is done by services in the apps.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

DEFAULT_SETTINGS = "jatkumo.config.settings.local"


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()


def _setup(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="jatkumo setup",
        description="Create or upgrade the database and load the bundled reference data "
        "(and the demo content with --demo). Safe to run again.",
    )
    parser.add_argument(
        "--demo",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also load demo organisations, contacts and a demo admin (default: on)",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bars (for logs and CI)"
    )
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings
    from django.core.management import call_command

    from jatkumo.accounts.services import demo_admin_ensure
    from jatkumo.broker.demo import needs_load_demo
    from jatkumo.catalogue.demo import offerings_load_demo
    from jatkumo.guidance.content import guidance_load_content
    from jatkumo.organisations.demo import demo_user_list, organisations_load_demo
    from jatkumo.taxonomy.bundled import taxonomy_load_bundled

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    print("Database is up to date.")
    taxonomy_load_bundled(
        data_dir=settings.BUNDLED_DATA_DIR, progress=not args.no_progress, stdout=sys.stdout
    )
    guidance = guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)
    print("Guidance content: " + ", ".join(f"{k} {v}" for k, v in guidance.items() if v))
    if args.demo:
        username, password = demo_admin_ensure(data_dir=settings.DATA_DIR)
        counts = organisations_load_demo(data_dir=settings.BUNDLED_DATA_DIR)
        print("Demo content created: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        offerings = offerings_load_demo(data_dir=settings.BUNDLED_DATA_DIR)
        print("Demo offerings: " + ", ".join(f"{k} {v}" for k, v in offerings.items()))
        needs = needs_load_demo(data_dir=settings.BUNDLED_DATA_DIR)
        print("Demo company needs: " + ", ".join(f"{k} {v}" for k, v in needs.items()))
        print(f"Demo admin: username '{username}', password '{password}'")
        for name, role, organisation in demo_user_list(data_dir=settings.BUNDLED_DATA_DIR):
            print(f"Demo user:  username '{name}' ({role}, {organisation}), same password")
    _concept_index_warm()
    return 0


def _concept_index_warm() -> None:
    """Build (or load) the concept index now, so the first analysis on the site is fast."""
    import time

    from jatkumo.analysis.engine import annotator_get

    start = time.perf_counter()
    annotator_get()
    print(f"Concept index ready ({time.perf_counter() - start:.1f} s).")


def _serve(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="jatkumo serve", description="Serve the web app.")
    parser.add_argument("--host", default=os.environ.get("JATKUMO_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("JATKUMO_PORT", "8000")))
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    _django_setup()
    from django.core.management import call_command
    from waitress import serve

    # Collect first: WhiteNoise looks at the static root when the application is created.
    call_command("collectstatic", interactive=False, verbosity=0)
    from jatkumo.config.wsgi import application

    print(f"Jatkumo is served on http://{args.host}:{args.port}/ (Ctrl+C stops)")
    serve(application, host=args.host, port=args.port, threads=args.threads)
    return 0


COMMANDS = {"setup": _setup, "serve": _serve}


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        sys.exit(COMMANDS[args[0]](args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jatkumo", *args])
