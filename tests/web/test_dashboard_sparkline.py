"""Sparklines on the scorecard are small inline SVG lines drawn on the server."""

from __future__ import annotations

import re

from chitieu.web.dashboards.sparkline import HEIGHT, PAD, WIDTH, sparkline_svg


def _points(svg: str) -> list[tuple[float, float]]:
    raw = re.search(r'points="([^"]+)"', svg).group(1)
    return [tuple(map(float, p.split(","))) for p in raw.split()]


def test_a_rising_series_draws_a_line_from_bottom_left_to_top_right():
    svg = sparkline_svg([(2020, 2796), (2024, 5164), (2025, 6150)])
    pts = _points(svg)
    assert pts[0] == (PAD, HEIGHT - PAD)
    assert pts[-1] == (WIDTH - PAD, PAD)
    assert pts[1][1] < pts[0][1]  # 2024 is higher than 2020, so drawn nearer the top


def test_years_are_placed_by_their_distance_not_their_rank():
    pts = _points(sparkline_svg([(2020, 1), (2024, 2), (2025, 3)]))
    gap_2020_2024 = pts[1][0] - pts[0][0]
    gap_2024_2025 = pts[2][0] - pts[1][0]
    assert round(gap_2020_2024 / gap_2024_2025) == 4


def test_an_estimated_last_value_is_a_hollow_dot_and_an_official_one_a_filled_dot():
    assert 'fill="#fff"' in sparkline_svg([(2024, 1), (2025, 2)], last_is_estimate=True)
    assert 'fill="currentColor"' in sparkline_svg([(2024, 1), (2025, 2)], last_is_estimate=False)


def test_a_flat_series_sits_in_the_middle_and_no_values_draw_nothing():
    pts = _points(sparkline_svg([(2020, 100), (2025, 100)]))
    assert {y for _, y in pts} == {HEIGHT / 2}
    assert sparkline_svg([]) == ""


def test_the_label_is_escaped():
    assert 'aria-label="a &lt;b&gt;"' in sparkline_svg([(2020, 1)], label="a <b>")
