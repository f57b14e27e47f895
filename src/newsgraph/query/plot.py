"""The relation chart: per period, cooperation above zero and conflict below.

Bars are summed PLOVER scores (``value="sum"``) or, with ``value="mean"``,
each side's share of the period's mean score; a line marks the net mean.
matplotlib with the Agg backend: no screen needed, PNG or SVG by extension.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import E, NewsgraphError
from .relations import Series

CHART_FORMATS = (".png", ".svg")


def plot_relation(series: Series, a: str, b: str, out: str | Path, value: str = "sum") -> Path:
    """Draw ``series`` to ``out`` (.png or .svg); the file written."""
    out = Path(out)
    if out.suffix.lower() not in CHART_FORMATS:
        raise NewsgraphError(E.BAD_CHART, path=out)
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # Agg on this figure only: no global switch
    from matplotlib.figure import Figure

    periods = [p["period"] for p in series.periods]
    if value == "mean":
        up = [p["cooperation_score"] / p["count"] if p["count"] else 0.0 for p in series.periods]
        down = [p["conflict_score"] / p["count"] if p["count"] else 0.0 for p in series.periods]
        label = "mean score"
    else:
        up = [p["cooperation_score"] for p in series.periods]
        down = [p["conflict_score"] for p in series.periods]
        label = "summed score"
    fig = Figure(figsize=(max(6.0, 0.45 * len(periods) + 2), 4.0), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    x = range(len(periods))
    ax.bar(x, up, color="#2e7d32", label="cooperation")
    ax.bar(x, down, color="#c62828", label="conflict")
    means = [p["mean_score"] if p["mean_score"] is not None else float("nan") for p in series.periods]
    ax.plot(x, means, color="black", marker="o", linewidth=1, label="net mean score")
    ax.axhline(0, color="grey", linewidth=0.8)
    crowded = len(periods) > 6
    step = max(1, -(-len(periods) // 24))  # at most 24 labels, however long the series
    ax.set_xticks(list(x)[::step], periods[::step], rotation=45 if crowded else 0,
                  ha="right" if crowded else "center")
    ax.set_ylabel(f"PLOVER {label}")
    ax.set_xlabel(series.by)
    ax.set_title(f"{a} and {b}")
    ax.legend(loc="best", fontsize="small")
    try:
        fig.savefig(out, format=out.suffix.lower()[1:])
    except OSError as exc:
        raise NewsgraphError(E.UNWRITABLE, path=out, detail=exc.strerror or str(exc)) from None
    return out
