"""``python -m analysis_utils``: the command line (:mod:`analysis_utils.report.cli`)."""
import sys

from .report.cli import main

if __name__ == "__main__":
    sys.exit(main())
