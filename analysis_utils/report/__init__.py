"""Reports and the command line: notebooks run headless, the HTML and PDF report, the
tables of ``analyze``, and the explorers shown in the notebooks."""
from .build import (  # noqa: F401
    FIGURE_FORMATS,
    FORMATS,
    TABLES,
    OutputFolderError,
    ReportError,
    _unique,
    article_info,
    article_tables,
    build_report,
    execute_notebook,
    main_analyze,
    main_report,
    normalise_notebook,
    notebook_paths,
    report_notebook,
    report_slug,
    tables_json,
    write_html,
    write_tables,
)
