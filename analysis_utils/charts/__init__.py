"""Charts over the kit's tables, in one house style (:mod:`.style`), saved with the
table behind them (:mod:`.export`); one module per topic (:mod:`.sentiment`,
:mod:`.timeline`, :mod:`.quotes`). matplotlib is imported only when a chart is drawn.
"""
from .style import (  # noqa: F401
    ACTOR_PALETTE,
    KIND_COLOURS,
    STYLE,
    actor_colour,
    add_source,
    heatmap_cells,
    house_style,
    message_figure,
    register_actor_colours,
    source_line,
    structure_chart,
)
