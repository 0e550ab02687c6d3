"""Tables built from whole columns, without pandas' per-row and per-column checks.

The layers keep their rows as plain tuples and turn them into a ``DataFrame`` once.
:func:`table` builds that frame from columns already in their final form (``int64`` and
``bool`` arrays, string arrays), which is several times faster than
``pd.DataFrame(rows)`` followed by ``astype``, and gives the same table: the string
columns have the type pandas infers for strings (``str`` in pandas 3, ``object``
before), a column of strings and ``None`` is made as pandas infers it (a string column
with missing values; ``None`` alone stays objects), and a column holding anything else
is left to pandas to infer, as it was.
"""
from __future__ import annotations

from collections import namedtuple
from functools import lru_cache
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

#: the type pandas gives a column of strings it infers
STRING_DTYPE = pd.Series(["a"]).dtype


def _string_array(arr: np.ndarray) -> "pd.api.extensions.ExtensionArray":
    """``pd.array(arr, dtype=STRING_DTYPE)`` (strings, ``None`` missing) without its
    dispatch on the kind of input: the array type's own constructor, as pd.array calls it."""
    return _STRING_ARRAY._from_sequence(arr, dtype=STRING_DTYPE, copy=True)


_STRING_ARRAY = STRING_DTYPE.construct_array_type() if STRING_DTYPE != object else None


def ints(values: Iterable[int]) -> np.ndarray:
    """An ``int64`` column."""
    return np.array(values if isinstance(values, list) else list(values), dtype=np.int64)


def bools(values: Iterable[bool]) -> np.ndarray:
    """A ``bool`` column."""
    return np.array(values if isinstance(values, list) else list(values), dtype=bool)


def nullable_ints(values: list) -> "pd.arrays.IntegerArray":
    """An ``Int64`` column: the integers, ``None`` where there is none."""
    mask = np.array([v is None for v in values], dtype=bool)
    return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype=np.int64), mask)


def objects(values: list) -> np.ndarray:
    """A column of Python objects, for pandas to infer its type."""
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


def strings(values: list) -> "np.ndarray | pd.api.extensions.ExtensionArray":
    """A column of strings, of the type pandas infers for strings; no values, or values
    that are not all ``str``, are left as objects for pandas to infer."""
    arr = objects(values)
    if STRING_DTYPE == object or not values or not all(type(v) is str for v in values):
        return arr
    return _string_array(arr)


def table(columns: Mapping[str, object]) -> pd.DataFrame:
    """The frame of ``columns`` (name -> a column of :func:`ints`, :func:`bools`,
    :func:`strings` or :func:`objects`, all of one length), indexed 0..n-1:
    ``pd.DataFrame(columns)``, quicker."""
    names = list(columns)
    arrays = list(columns.values())
    if _FAST:
        arrays = [_inferred(a) for a in arrays]
        if all(a is not None for a in arrays):
            n = len(arrays[0]) if arrays else 0
            return pd.DataFrame._from_arrays(arrays, columns=_column_index(tuple(names)).copy(),
                                             index=pd.RangeIndex(n), verify_integrity=False)
    return pd.DataFrame(dict(columns), columns=names, copy=False)


_STR_OR_NONE = frozenset((str, type(None)))


def _inferred(a: object) -> object:
    """The column pandas makes of ``a`` when it is quick to tell: ``a`` itself, unless it
    is an array of objects; one of strings, ``None`` for the missing ones, as pandas infers
    it (the string type, missing values as pandas writes them; ``None`` alone, or nothing,
    stays objects). ``None`` for any other array of objects (pandas is left to infer it)."""
    if not (isinstance(a, np.ndarray) and a.dtype == object):
        return a
    kinds = set(map(type, a))
    if not kinds <= _STR_OR_NONE:
        return None
    if str in kinds and STRING_DTYPE != object:
        return _string_array(a)
    return a


_ROW_TYPES: dict[tuple, type] = {}


def table_rows(df: pd.DataFrame) -> list[tuple]:
    """The rows of a table as named tuples, as ``df.itertuples(index=False)`` gives them
    (same values), without its per-column indexing."""
    cols = tuple(df.columns)
    cls = _ROW_TYPES.get(cols)
    if cls is None:
        cls = _ROW_TYPES[cols] = namedtuple("Pandas", cols, rename=True)
    return list(map(cls._make, zip(*(df[c].tolist() for c in cols)))) if cols else [cls() for _ in range(len(df))]


@lru_cache(maxsize=64)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The column labels of a table (each table gets its own copy)."""
    return pd.Index(list(names))


def _fast_path_works() -> bool:
    """Does ``DataFrame._from_arrays`` (not public) give what ``pd.DataFrame`` gives?"""
    try:
        cols = {"a": ints([1, 2]), "b": strings(["x", "y"]), "c": bools([True, False])}
        fast = pd.DataFrame._from_arrays(list(cols.values()), columns=pd.Index(list(cols)),
                                         index=pd.RangeIndex(2), verify_integrity=False)
        slow = pd.DataFrame({"a": [1, 2], "b": ["x", "y"], "c": [True, False]})
        same = (fast.equals(slow) and list(fast.dtypes) == list(slow.dtypes)
                and fast.columns.equals(slow.columns) and fast.columns.dtype == slow.columns.dtype
                and fast.index.equals(slow.index) and type(fast.index) is type(slow.index))
        # arrays of objects: strings with None, None alone, nothing, as pandas infers them
        for values in (["x", None], [None, "y"], [None, None], []):
            col = objects(values)
            inferred = pd.DataFrame({"d": col})["d"]
            made = pd.DataFrame._from_arrays([_inferred(col)], columns=pd.Index(["d"]),
                                             index=pd.RangeIndex(len(values)), verify_integrity=False)["d"]
            same = same and made.dtype == inferred.dtype and made.equals(inferred) and \
                [v is None for v in made.tolist()] == [v is None for v in inferred.tolist()]
        return same
    except Exception:  # pragma: no cover - another pandas
        return False


_FAST = _fast_path_works()
