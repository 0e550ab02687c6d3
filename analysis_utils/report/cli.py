"""Command line: ``python -m analysis_utils report|analyze|corpus [PATH] ...``.

``report PATH --out DIR [--no-corpus | --corpus-only]``
    run every notebook headless for an article (or each article of a folder) and
    write ``DIR/<article-slug>/``: figures, executed notebooks, report.html, report.pdf;
    for a folder, also the corpus notebook (05) once over it, into
    ``DIR/corpus-<folder-slug>/`` (``--no-corpus``: not; ``--corpus-only``: only that).
``analyze PATH --format json|csv [--out DIR]``
    the tables alone (segments, sentences, mentions, quotes, timexes, events, actor
    sentiment): JSON on stdout without ``--out``, else one file per table.

``corpus SOURCE --out DIR [--workers N] [--scheduler ADDRESS]``
    many articles into one Parquet dataset per table (:mod:`analysis_utils.corpus`),
    on a local Dask cluster or an existing one; resumable, one run per folder at a time.

PATH defaults to the kit's default article. Exit codes: 0 success; 2 bad parameters
(missing or unreadable article, unwritable output folder, unknown option or format),
with one line on stderr and no traceback; 1 a notebook or an extractor failed.
"""
from __future__ import annotations

import argparse
import sys


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str):  # noqa: D401 - argparse's hook
        self.exit(2, f"error: {message} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m analysis_utils", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    r = sub.add_parser("report", help="run every notebook for an article (or a folder) and write the report")
    r.add_argument("path", nargs="?", default=None, help="article file or folder (default: the seed article)")
    r.add_argument("--out", default=None, help="output folder (default: <project>/reports)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: cores, at most 4)")
    r.add_argument("--no-pdf", action="store_true", help="do not print report.pdf")
    scope = r.add_mutually_exclusive_group()
    scope.add_argument("--no-corpus", action="store_true",
                       help="for a folder: do not run the corpus notebook (05) over it")
    scope.add_argument("--corpus-only", action="store_true",
                       help="for a folder: run only the corpus notebook (05) over it, no per-article reports")
    a = sub.add_parser("analyze", help="compute the tables alone and write them as JSON or CSV")
    a.add_argument("path", nargs="?", default=None, help="article file or folder (default: the seed article)")
    a.add_argument("--format", default="json", choices=["json", "csv"], help="json (default) or csv")
    a.add_argument("--out", default=None, help="folder for one file per table (default: JSON on stdout)")
    a.add_argument("--quiet", action="store_true", help="no notes about skipped tables")
    c = sub.add_parser("corpus", help="analyse many articles into Parquet tables (Dask; resumable)")
    c.add_argument("path", help="a folder, a glob (quoted) or a file of articles")
    c.add_argument("--out", required=True, help="output folder: one Parquet dataset per table")
    c.add_argument("--workers", type=int, default=None, help="local worker processes (default: the cores)")
    c.add_argument("--scheduler", default=None,
                   help="a Dask scheduler address (tcp://host:8786) to run on an existing cluster, "
                        "or 'sync' to run in this process")
    c.add_argument("--workers-write", action="store_true",
                   help="with --scheduler: the workers write the tables (the output folder is on a disk they share)")
    c.add_argument("--batch-size", type=int, default=25, help="articles per task (default 25)")
    c.add_argument("--max-chars", type=int, default=None,
                   help="longer texts are recorded as errors, not analysed (default 500,000)")
    c.add_argument("--time-limit", type=float, default=None,
                   help="seconds per article; one that runs longer is stopped and recorded as an error "
                        "(default 20; 0 for no limit)")
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from ..errors import ArticleError
    from .build import OutputFolderError, ReportError, main_analyze, main_report

    if args.command == "corpus":
        return main_corpus(args)
    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        print("error: --jobs must be 1 or more", file=sys.stderr)
        return 2
    if args.path is None:
        from ..paths import default_article

        try:
            args.path = str(default_article())
        except FileNotFoundError as exc:
            print(f"error: {_one_line(exc)}", file=sys.stderr)
            return 2
    run = main_report if args.command == "report" else main_analyze
    try:
        return run(args)
    except (ArticleError, OutputFolderError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except ReportError as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130


def main_corpus(args) -> int:
    """``corpus``: exit 0 when every input was analysed, 1 when some failed (the ``errors``
    table names them), 2 for bad parameters or a locked or foreign output folder, 130 when
    interrupted (the same command resumes)."""
    from ..corpus import CorpusError, CorpusInterrupted, analyze_corpus
    from ..errors import ArticleError

    for name in ("workers", "batch_size", "max_chars"):
        value = getattr(args, name)
        if value is not None and value < 1:
            print(f"error: --{name.replace('_', '-')} must be 1 or more", file=sys.stderr)
            return 2
    if args.time_limit is not None and not args.time_limit >= 0:
        print("error: --time-limit must be 0 (no limit) or more", file=sys.stderr)
        return 2
    limits = {k: v for k, v in (("max_chars", args.max_chars), ("time_limit", args.time_limit)) if v is not None}
    if limits.get("time_limit") == 0:
        limits["time_limit"] = None
    try:
        summary = analyze_corpus(args.path, args.out, workers=args.workers, scheduler=args.scheduler,
                                 batch_size=args.batch_size, **limits,
                                 workers_write=True if args.workers_write else None, progress=not args.quiet)
    except CorpusInterrupted as exc:
        print(f"interrupted: {_one_line(exc)}", file=sys.stderr)
        return 130
    except (CorpusError, ArticleError, OSError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    print(summary.line())
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
