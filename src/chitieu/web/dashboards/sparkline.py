"""Sparklines as inline SVG, drawn on the server.

Owns: turning a few yearly values into a small line (``<svg>`` markup) for the scorecard.
SVG written here needs no JavaScript and no inline script, so it works under the
Content-Security-Policy and costs nothing to render in the browser.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 96
HEIGHT = 24
PAD = 3


def _scale(points: Sequence[tuple[int, float]]) -> list[tuple[float, float]]:
    years = [p[0] for p in points]
    values = [p[1] for p in points]
    y0, y1 = min(years), max(years)
    v0, v1 = min(values), max(values)
    span_y = (y1 - y0) or 1
    span_v = (v1 - v0) or 1
    out = []
    for year, value in points:
        x = PAD + (year - y0) / span_y * (WIDTH - 2 * PAD) if y1 != y0 else WIDTH / 2
        # A flat series sits in the middle rather than on the floor.
        y = HEIGHT / 2 if v1 == v0 else HEIGHT - PAD - (value - v0) / span_v * (HEIGHT - 2 * PAD)
        out.append((round(x, 1), round(y, 1)))
    return out


def sparkline_svg(points: Sequence[tuple[int, float]], *, last_is_estimate: bool = False,
                  label: str = "", unapproved: bool = False, unapproved_label: str = "chưa duyệt") -> SafeString:
    """An SVG line through ``(year, value)`` points, in year order; the last point is a dot,
    hollow when that value is only an estimate (ước thực hiện). ``unapproved``: the last value
    is not approved (the latest-values switch): the line is marked "chưa duyệt" (class, label and
    a dashed ring round the dot). No points: an empty string."""
    points = sorted(points)
    if not points:
        return mark_safe("")
    xy = _scale(points)
    line = " ".join(f"{x},{y}" for x, y in xy)
    lx, ly = xy[-1]
    dot_fill = "#fff" if last_is_estimate else "currentColor"
    if unapproved:
        return format_html(
            '<svg class="sparkline unapproved" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
            'aria-label="{label} ({mark})" data-unapproved="1"><title>{mark}</title>'
            '<polyline fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="{line}"/>'
            '<circle cx="{lx}" cy="{ly}" r="2.5" fill="{fill}" stroke="currentColor" stroke-width="1.2"/>'
            '<circle cx="{lx}" cy="{ly}" r="4.5" fill="none" stroke="#b45309" stroke-width="1" stroke-dasharray="2 1.5"/>'
            "</svg>",
            w=WIDTH, h=HEIGHT, label=label, mark=unapproved_label, line=line, lx=lx, ly=ly, fill=dot_fill,
        )
    return format_html(
        '<svg class="sparkline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{label}">'
        '<polyline fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="{line}"/>'
        '<circle cx="{lx}" cy="{ly}" r="2.5" fill="{fill}" stroke="currentColor" stroke-width="1.2"/>'
        "</svg>",
        w=WIDTH, h=HEIGHT, label=label, line=line, lx=lx, ly=ly, fill=dot_fill,
    )
