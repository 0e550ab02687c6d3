"""Reading the YAML data files a user may write (actor registries, reference events)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import UnsupportedFormat


def read_yaml_file(path: str | Path, what: str) -> Any:
    """The parsed content of a YAML file; a missing, unreadable or malformed file
    raises :class:`~analysis_utils.errors.UnsupportedFormat` naming the file and
    ``what`` it should hold (``"registry"``, ``"reference events"``)."""
    import yaml

    p = Path(path)
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UnsupportedFormat(f"{what} file not found", p) from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UnsupportedFormat(f"cannot read the {what}: {exc}", p) from exc
