"""Safe, stable file and folder names for articles and charts.

:func:`slugify` gives the plain ASCII slug; :func:`safe_slug` adds a short hash whenever
the slug loses something (letters with no ASCII form, a cut, a reserved device name), so
that two different names never share a file or folder.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(value: str, max_length: int = 60, default: str = "article") -> str:
    """A file-name-safe slug: ASCII letters, digits and single hyphens.

    >>> slugify("Putin to Visit North Korea on 18-19th...")
    'putin-to-visit-north-korea-on-18-19th'
    """
    norm = unicodedata.normalize("NFKD", value or "")
    ascii_ = norm.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or default


# Names Windows reserves for devices: never a file name on their own.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_slug(value: str, max_length: int = 60, default: str = "article") -> str:
    """A file-name-safe slug that never merges two different names.

    The base is :func:`slugify` (ASCII letters, digits, single
    hyphens, at most ``max_length`` characters, cut at a hyphen). When that base loses
    information - letters with no ASCII form (Hangul, Cyrillic, CJK), a name made of
    symbols or emoji only, a name cut to length, a reserved device name such as
    ``con`` - an 8-hex-digit hash of the original is appended, so the result is still
    stable (same name, same slug) but distinct for distinct names.

    >>> safe_slug("Putin to Visit North Korea")
    'putin-to-visit-north-korea'
    >>> safe_slug("푸틴 방북") == safe_slug("푸틴 방북") != safe_slug("김정은")
    True
    """
    value = "" if value is None else str(value)
    base = slugify(value, max_length=max_length, default="")
    norm = unicodedata.normalize("NFKD", value)
    lost_letters = any(ch.isalnum() and not ch.isascii() for ch in norm if not unicodedata.combining(ch))
    full = slugify(value, max_length=10**9, default="")
    lossy = lost_letters or base != full or base in _RESERVED or (not base and value.strip() != "")
    if not lossy:
        return base or default
    digest = hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{base or default}-{digest}"
