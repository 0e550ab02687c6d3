"""Command line: ``python -m analysis_utils report PATH --out DIR``.

Exit codes: 0 success, 2 bad input (missing or unreadable article, unwritable output
folder), 1 a notebook failed.
"""
from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis_utils", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("report", help="run every notebook for an article (or a folder) and write the report")
    r.add_argument("path", nargs="?", default=None, help="article file or folder (default: the seed article)")
    r.add_argument("--out", default=None, help="output folder (default: <project>/reports)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .errors import ArticleError
    from .report import OutputFolderError, ReportError, main_report

    if args.command == "report":
        if args.path is None:
            from .paths import default_article

            args.path = str(default_article())
        try:
            return main_report(args)
        except (ArticleError, OutputFolderError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except ReportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
