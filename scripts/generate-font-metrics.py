#!/usr/bin/env python3
"""Generate Sources/ScopeCharts/DejaVuSansMetrics.swift from the DejaVu Sans TTF files.

Chart layout measures labels before the SVG is ever rendered, so it needs the real advance widths of
the font that the charts name first ("DejaVu Sans"). The TTF tables are read with `struct` only
(head → unitsPerEm, hhea → numberOfHMetrics, hmtx → advances, cmap format 4 → glyph ids) so the
script needs nothing beyond the Python standard library.

Usage: python3 scripts/generate-font-metrics.py [output.swift]
"""
import struct
import sys
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"regular": FONT_DIR / "DejaVuSans.ttf", "bold": FONT_DIR / "DejaVuSans-Bold.ttf"}
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "Sources/ScopeCharts/DejaVuSansMetrics.swift"

# Latin-1 is stored as one dense block; the extra code points below (typographic punctuation,
# Latin Extended-A for authors' names, Greek for statistics, a few maths signs) as sorted pairs.
DENSE_FIRST, DENSE_LAST = 0x20, 0xFF
EXTRA_RANGES = [
    (0x0100, 0x017F),  # Latin Extended-A (ł, ř, ő, …)
    (0x0391, 0x03A9),  # Greek capitals
    (0x03B1, 0x03C9),  # Greek small letters (α, ρ, τ, χ, …)
    (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
    (0x2030, 0x2033),  # per mille, primes
    (0x2039, 0x203A),  # single guillemets
    (0x20AC, 0x20AC),  # euro sign
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),  # minus sign
    (0x221E, 0x221E),  # infinity
    (0x2248, 0x2248),  # almost equal
    (0x2260, 0x2260),  # not equal
    (0x2264, 0x2265),  # ≤ ≥
]


def read_tables(data):
    num_tables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(num_tables):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag.decode("latin-1")] = data[offset : offset + length]
    return tables


def cmap_format4(cmap):
    """Return {code point: glyph id} from the Windows Unicode BMP (3, 1) format-4 subtable."""
    count = struct.unpack(">H", cmap[2:4])[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])
        if (platform, encoding) == (3, 1) and struct.unpack(">H", cmap[offset : offset + 2])[0] == 4:
            return parse_format4(cmap, offset)
    raise SystemExit("no (3,1) format-4 cmap subtable")


def parse_format4(cmap, base):
    seg_count = struct.unpack(">H", cmap[base + 6 : base + 8])[0] // 2
    ends_at = base + 14
    starts_at = ends_at + 2 * seg_count + 2
    deltas_at = starts_at + 2 * seg_count
    range_offsets_at = deltas_at + 2 * seg_count
    mapping = {}
    for s in range(seg_count):
        end = struct.unpack(">H", cmap[ends_at + 2 * s : ends_at + 2 * s + 2])[0]
        start = struct.unpack(">H", cmap[starts_at + 2 * s : starts_at + 2 * s + 2])[0]
        delta = struct.unpack(">h", cmap[deltas_at + 2 * s : deltas_at + 2 * s + 2])[0]
        range_offset_pos = range_offsets_at + 2 * s
        range_offset = struct.unpack(">H", cmap[range_offset_pos : range_offset_pos + 2])[0]
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = range_offset_pos + range_offset + 2 * (code - start)
                glyph = struct.unpack(">H", cmap[at : at + 2])[0]
                if glyph != 0:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph != 0:
                mapping[code] = glyph
    return mapping


def advance_widths(path):
    """Return (unitsPerEm, {code point: advance width in font units})."""
    tables = read_tables(path.read_bytes())
    units_per_em = struct.unpack(">H", tables["head"][18:20])[0]
    number_of_hmetrics = struct.unpack(">H", tables["hhea"][34:36])[0]
    hmtx = tables["hmtx"]

    def advance(glyph):
        index = min(glyph, number_of_hmetrics - 1)
        return struct.unpack(">H", hmtx[4 * index : 4 * index + 2])[0]

    return units_per_em, {code: advance(glyph) for code, glyph in cmap_format4(tables["cmap"]).items()}


def swift_int_array(values, indent, hexadecimal=False):
    lines, row = [], []
    for value in values:
        row.append(f"0x{value:04X}" if hexadecimal else str(value))
        if len(row) == 16:
            lines.append(indent + ", ".join(row) + ",")
            row = []
    if row:
        lines.append(indent + ", ".join(row) + ",")
    return "\n".join(lines)


def font_block(name, units_per_em, widths):
    dense = [widths.get(code, 0) for code in range(DENSE_FIRST, DENSE_LAST + 1)]
    extra = [
        (code, widths[code])
        for first, last in EXTRA_RANGES
        for code in range(first, last + 1)
        if code in widths
    ]
    return "\n".join(
        [
            f"    static let {name} = FontMetricsTable(",
            f"        unitsPerEm: {units_per_em},",
            f"        denseFirst: 0x{DENSE_FIRST:X},",
            "        denseAdvances: [",
            swift_int_array(dense, "            "),
            "        ],",
            "        extraCodePoints: [",
            swift_int_array([c for c, _ in extra], "            ", hexadecimal=True),
            "        ],",
            "        extraAdvances: [",
            swift_int_array([w for _, w in extra], "            "),
            "        ]",
            "    )",
        ]
    )


def main():
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    blocks = []
    for name, path in FONTS.items():
        units_per_em, widths = advance_widths(path)
        blocks.append(font_block(name, units_per_em, widths))
    text = "\n".join(
        [
            "// GENERATED by scripts/generate-font-metrics.py from DejaVuSans.ttf and DejaVuSans-Bold.ttf.",
            "// Do not edit by hand; rerun the script instead.",
            "",
            "extension FontMetricsTable {",
            "\n\n".join(blocks),
            "}",
            "",
        ]
    )
    output.write_text(text)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
