"""``stad-desktop demo``: fill a new or empty database with the Stad example data."""

from __future__ import annotations

import argparse

from stad_desktop.cli.database import db_path, open_services
from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_OK, CliError
from stad_desktop.language import Translator


def add_arguments(demo: argparse.ArgumentParser, tr: Translator) -> None:
    demo.add_argument("--db", metavar="PATH", dest="sub_db", required=True)


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.demo import DemoRefused, load_demo

    path = db_path(args, create=True)
    services = open_services(path)
    try:
        load_demo(services)
        counts = services.counts()
    except DemoRefused as exc:
        raise CliError(exc.message, EXIT_BAD_INPUT) from exc
    finally:
        services.db.close()
    print(
        tr._("Example data written to {path}: {actors} actors, {projects} projects.").format(
            path=path, actors=counts.actors, projects=counts.projects
        )
    )
    return EXIT_OK
