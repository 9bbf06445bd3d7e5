"""The ``chitieu`` command: one entry point whose subcommands live beside the code they drive.

Each module listed in ``COMMAND_MODULES`` has ``register(subparsers)``, which adds its
subparser and sets ``func`` (called with the parsed arguments; returns the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "chitieu.commands.evaluate",
    "chitieu.check.commands",
    "chitieu.extract.commands",
    "chitieu.reports.commands",
    "chitieu.web.commands",
    "chitieu.web.exchange.commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chitieu",
        description="Kế hoạch phát triển kinh tế - xã hội: chỉ tiêu, đánh giá, báo cáo.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # that part of chitieu is not installed in this build
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
