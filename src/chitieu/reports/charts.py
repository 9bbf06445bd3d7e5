"""Charts inserted in the report, as PNG bytes drawn with matplotlib (Agg, no display needed):
the structure of the economy in the base and the latest year, and the average growth of the
main indicators against their target band.

Owns: the look of the charts (a serif font that has every Vietnamese letter, Vietnamese number
labels, print-friendly colours). Their data comes from ``chitieu.reports.data``.
"""

from __future__ import annotations

import functools
import io
import textwrap

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager, ft2font  # noqa: E402  (the backend is chosen first)
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from chitieu.core.numbers import format_number  # noqa: E402
from chitieu.reports.data import GrowthBar, ReportData, StructureSeries  # noqa: E402
from chitieu.reports.wording import basis_noun  # noqa: E402

# Liberation Serif is metric-compatible with Times New Roman (the report's font); DejaVu Serif
# ships with matplotlib and also has every Vietnamese letter.
FONTS = ("Liberation Serif", "Times New Roman", "DejaVu Serif")
DPI = 200
MET, NOT_MET, BAND = "#2f6f9f", "#c8553d", "#d9d9d9"
SECTOR_COLOURS = ("#2f6f9f", "#e0a030", "#6a9f4f", "#8c6bb1", "#c8553d")


VIETNAMESE_PROBE = 0x1EF1  # "ự": missing from fonts without Vietnamese (fonts-liberation 1.x)


def _has_vietnamese(path: str) -> bool:
    try:
        return VIETNAMESE_PROBE in ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError):
        return False


@functools.cache
def _font() -> str:
    """The first of ``FONTS`` whose files cover Vietnamese. Debian can install fonts-liberation
    (no Vietnamese) beside fonts-liberation2 under the same family name; matplotlib would pick
    either, so the files without Vietnamese are dropped from its font list."""
    manager = font_manager.fontManager
    for name in FONTS:
        entries = [f for f in manager.ttflist if f.name == name]
        good = [f for f in entries if _has_vietnamese(f.fname)]
        if good:
            manager.ttflist = [f for f in manager.ttflist if f.name != name or f in good]
            manager._findfont_cached.cache_clear()
            return name
    return "DejaVu Serif"


def _style() -> dict:
    return {"font.family": _font(), "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def structure_chart(series: StructureSeries) -> bytes:
    """Two 100 % bars (base year, latest year) split into the parts' shares."""
    with plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=(6.3, 2.3))
        labels = [str(y) for y in series.years]
        for pos, idx in enumerate((1, 2)):
            left = 0.0
            for k, part in enumerate(series.parts):
                share = part[idx]
                ax.barh(
                    pos,
                    share,
                    left=left,
                    color=SECTOR_COLOURS[k % len(SECTOR_COLOURS)],
                    edgecolor="white",
                    label=textwrap.fill(part[0], 40) if pos == 0 else None,
                    height=0.6,
                )
                if share >= 6:
                    ax.text(
                        left + share / 2,
                        pos,
                        f"{format_number(share, 1)}%",
                        ha="center",
                        va="center",
                        color="white",
                        fontsize=10,
                        fontweight="bold",
                    )
                left += share
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: f"{format_number(x, 0)}%"))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False, fontsize=9)
        return _png(fig)


def growth_chart(bars: tuple[GrowthBar, ...], period: str) -> bytes:
    """Achieved average growth (%/năm) of each indicator, its target band shaded behind it."""
    with plt.rc_context(_style()):
        height = 0.75 * len(bars) + 1.1
        # narrower than the page: the indicator names on the left take the rest of 6,3 in
        fig, ax = plt.subplots(figsize=(4.6, height))
        names = [textwrap.fill(b.name, 30) for b in bars]
        top = max([b.rate for b in bars] + [b.high or b.low or 0 for b in bars]) * 1.25
        for i, b in enumerate(bars):
            lo = b.low if b.low is not None else b.high
            hi = b.high if b.high is not None else b.low
            if lo is not None:
                ax.fill_betweenx(
                    [i - 0.38, i + 0.38],
                    lo,
                    max(hi, lo + top * 0.004),
                    color=BAND,
                    zorder=1,
                    label="Chỉ tiêu" if i == 0 else None,
                )
            ax.barh(i, b.rate, height=0.42, color=MET if b.met else NOT_MET, zorder=2)
            ax.text(
                max(b.rate, 0) + top * 0.012,
                i,
                f"{format_number(b.rate, 2)}%",
                va="center",
                fontsize=9,
                zorder=3,
            )
        ax.set_yticks(range(len(bars)), names, fontsize=9.5)
        ax.invert_yaxis()
        ax.set_xlim(min(0, min(b.rate for b in bars) * 1.2), top)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: f"{format_number(x, 0)}%"))
        ax.set_xlabel(f"Tăng bình quân/năm giai đoạn {period}" if "-" in period else f"Tăng năm {period} (%)")
        handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in (MET, NOT_MET, BAND)]
        ax.legend(
            handles,
            ["Đạt, vượt", "Không đạt", "Chỉ tiêu (khoảng)"],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1 - 0.3 / height),
            ncol=3,
            frameon=False,
            fontsize=9,
        )
        return _png(fig)


def report_charts(data: ReportData) -> list[tuple[bytes, str]]:
    """The charts the report carries, with their captions (none when the data cannot draw them)."""
    out = []
    if data.structure is not None:
        a, b = data.structure.years
        out.append((structure_chart(data.structure), f"{data.structure.title}, năm {a} và năm {b}"))
    if data.growth:
        # the years the rates cover: up to the latest data (a mid-term report's 2021-2023)
        last = data.data_year or data.final_year
        period = f"{data.base_year + 1}-{last}" if last > data.base_year + 1 else str(last)
        out.append(
            (
                growth_chart(data.growth, period),
                (
                    f"Tốc độ tăng bình quân giai đoạn {period} so với {basis_noun(data.basis)}"
                    if "-" in period
                    else f"Tốc độ tăng năm {period} so với {basis_noun(data.basis)}"  # an annual plan
                ),
            )
        )
    return out
