"""The export helper: every format plus the CSV, safe names, same bytes twice."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis_utils.charts import structure_chart  # noqa: E402
from analysis_utils.charts.export import save_figure  # noqa: E402
from analysis_utils.text.segments import segment_text, structure_table  # noqa: E402


def _fig():
    table = structure_table(segment_text("Title Of It All\n\nA body paragraph that is long enough to count as prose, with eight words.\n"))
    return structure_chart(table, title="t", source="Source: test"), table


def test_save_figure_writes_every_format_and_the_csv(tmp_path):
    fig, table = _fig()
    paths = save_figure(fig, "My chart: Kim/Putin?", data=table, out_dir=tmp_path / "figs")
    assert set(paths) == {"png", "svg", "pdf", "csv"}
    for p in paths.values():
        assert p.parent == tmp_path / "figs" and p.stat().st_size > 0
        assert p.stem == "my-chart-kim-putin"
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths["pdf"].read_bytes()[:4] == b"%PDF"
    assert pd.read_csv(paths["csv"]).shape == table.shape
    plt.close(fig)


def test_save_figure_is_deterministic(tmp_path):
    fig, table = _fig()
    a = save_figure(fig, "x", data=table, out_dir=tmp_path / "a")
    b = save_figure(fig, "x", data=table, out_dir=tmp_path / "b")
    for fmt in a:
        assert a[fmt].read_bytes() == b[fmt].read_bytes(), fmt
    plt.close(fig)


def test_save_figure_rejects_unknown_format(tmp_path):
    fig, _ = _fig()
    with pytest.raises(ValueError, match="Unknown format"):
        save_figure(fig, "x", out_dir=tmp_path, formats=("bmp",))
    plt.close(fig)


def test_saved_figure_shows_as_the_png_it_wrote_and_close_frees_the_figure(tmp_path):
    import struct

    fig, table = _fig()
    saved = save_figure(fig, "shown", data=table, out_dir=tmp_path, close=True)
    assert not plt.fignum_exists(fig.number)  # the inline backend will not draw it again
    data, meta = saved._repr_png_()
    assert data == saved["png"].read_bytes()
    width_px = struct.unpack(">I", data[16:20])[0]  # IHDR width of the 150-dpi file
    assert meta["width"] == pytest.approx(width_px / 1.5, abs=2)  # shown at 100 dpi, not half again as wide
    assert "shown.png" in repr(saved) and "shown.csv" in repr(saved)


def test_saved_figure_without_png_shows_as_text(tmp_path):
    fig, _ = _fig()
    saved = save_figure(fig, "vector", out_dir=tmp_path, formats=("svg",))
    assert saved._repr_png_() is None and "vector.svg" in repr(saved)
    assert plt.fignum_exists(fig.number)  # close=False leaves it open
    plt.close(fig)
