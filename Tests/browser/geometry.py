"""Plane geometry and WCAG colour arithmetic for the browser checks: pure functions, no browser."""

from typing import Sequence

Point = Sequence[float]
Quad = Sequence[Point]


def quad_inside(quad: Quad, box: dict, tolerance: float = 0.5) -> bool:
    """Whether every corner of `quad` lies within `box` (left/top/right/bottom), give or take `tolerance`."""
    return all(
        box["left"] - tolerance <= x <= box["right"] + tolerance
        and box["top"] - tolerance <= y <= box["bottom"] + tolerance
        for x, y in quad
    )


def _axes(quad: Quad):
    for (x1, y1), (x2, y2) in zip(quad, list(quad[1:]) + [quad[0]]):
        yield (y1 - y2, x2 - x1)


def _projection(quad: Quad, axis):
    length = (axis[0] ** 2 + axis[1] ** 2) ** 0.5 or 1.0
    values = [(x * axis[0] + y * axis[1]) / length for x, y in quad]
    return min(values), max(values)


def quads_overlap(a: Quad, b: Quad, tolerance: float = 0.0) -> bool:
    """Whether two convex quads overlap by more than `tolerance` pixels (separating axis theorem).

    Rotated labels are quads, not boxes, so a 45° tick label is not mistaken for its neighbour.
    """
    for axis in list(_axes(a)) + list(_axes(b)):
        low_a, high_a = _projection(a, axis)
        low_b, high_b = _projection(b, axis)
        if min(high_a, high_b) - max(low_a, low_b) <= tolerance:
            return False
    return True


def relative_luminance(rgb: Sequence[float]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour with 0–255 channels."""

    def linear(channel: float) -> float:
        c = channel / 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: Sequence[float], background: Sequence[float]) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def required_contrast(font_size_px: float, bold: bool) -> float:
    """WCAG 1.4.3 (AA): 3:1 for large text (18 pt, or 14 pt bold), 4.5:1 otherwise."""
    large = font_size_px >= 24.0 or (bold and font_size_px >= 18.66)
    return 3.0 if large else 4.5
