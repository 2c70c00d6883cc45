"""``stad-desktop selftest``: the command that runs the checks in
:mod:`stad_desktop.selftest` and prints what failed."""

from __future__ import annotations

import argparse
import sys

from stad_desktop import selftest
from stad_desktop.language import Translator


def add_arguments(parser: argparse.ArgumentParser, tr: Translator) -> None:
    parser.add_argument(
        "-v", "--verbose", action="store_true", help=tr._("print each check as it passes")
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    failures = selftest.run_checks(tr, verbose=args.verbose)
    if failures:
        for line in failures:
            print(line, file=sys.stderr)
        print(
            tr._("selftest failed: {failed} of {total} checks").format(
                failed=len(failures), total=len(selftest.CHECKS)
            ),
            file=sys.stderr,
        )
        return 1
    print(selftest.OK_LINE, flush=True)
    return 0
