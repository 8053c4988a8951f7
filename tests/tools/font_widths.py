#!/usr/bin/env python3
"""Writes src/render/docx/metrics.rs: the advance widths of Carlito (the metric twin of
Calibri that LibreOffice uses in its place) for the characters reports use, regular, bold,
italic and bold italic, in font units (2048 to the em).

    pip install fonttools
    python3 tests/tools/font_widths.py /usr/share/fonts/truetype/crosextra > src/render/docx/metrics.rs
"""
import sys
from fontTools.ttLib import TTFont

FOLDER = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/crosextra"
STYLES = ["Regular", "Bold", "Italic", "BoldItalic"]
# Printable ASCII, Latin-1 and Latin Extended-A, one contiguous range.
FIRST, LAST = 0x20, 0x17F
# Typographic punctuation, arrows, bullets and boxes the writer or the reports use.
EXTRA = [*range(0x2010, 0x2028), *range(0x2030, 0x203B), 0x20AC, 0x2122,
         *range(0x2190, 0x2194), 0x25AA, 0x25E6, 0x2610, 0x2612, 0x2713]

fonts = [TTFont(f"{FOLDER}/Carlito-{s}.ttf") for s in STYLES]
units = fonts[0]["head"].unitsPerEm
hhea = fonts[0]["hhea"]
assert units == 2048


# Characters the font lacks that LibreOffice shows with another of its glyphs: the no-break
# space as a space, the hyphens that do not break as hyphens.
STAND_INS = {0xA0: 0x20, 0x2010: 0x2D, 0x2011: 0x2D}


def width(font, code):
    cmap = font.getBestCmap()
    glyph = cmap.get(code) or cmap.get(STAND_INS.get(code, -1))
    return font["hmtx"][glyph][0] if glyph else 0


out = []
w = out.append
w("//! Advance widths of Carlito, LibreOffice's stand-in for Calibri with the same metrics, in")
w("//! font units (2048 to the em); written by `tests/tools/font_widths.py` from the font files")
w("//! (fonts-crosextra-carlito), regular, bold, italic and bold italic. A width of 0: the font")
w("//! has no such glyph (the no-break space and the non-breaking hyphens, which it lacks, have the")
w("//! widths of the space and the hyphen LibreOffice shows instead).")
w("")
w("/// Font units to the em.")
w(f"pub const UNITS: u32 = {units};")
w("/// Height of a line of text at single spacing, in font units: ascent, descent and line gap")
w("/// (hhea).")
w(f"pub const LINE: u32 = {hhea.ascent - hhea.descent + hhea.lineGap};")
w("/// First and last character of [`WIDTHS`]' contiguous range.")
w(f"pub const FIRST: u32 = {FIRST:#x};")
w(f"pub const LAST: u32 = {LAST:#x};")
w("")
w("/// Widths of the characters FIRST..=LAST, then of [`EXTRA`] in order; one row a style")
w("/// (regular, bold, italic, bold italic).")
n = LAST - FIRST + 1 + len(EXTRA)
w("#[rustfmt::skip]")
w(f"pub const WIDTHS: [[u16; {n}]; 4] = [")
for font in fonts:
    row = [width(font, c) for c in range(FIRST, LAST + 1)] + [width(font, c) for c in EXTRA]
    w("    [")
    for i in range(0, len(row), 16):
        w("        " + " ".join(f"{x}," for x in row[i:i + 16]))
    w("    ],")
w("];")
w("")
w("/// Characters outside the range, sorted, whose widths follow the range's in [`WIDTHS`].")
w("#[rustfmt::skip]")
w(f"pub const EXTRA: [char; {len(EXTRA)}] = [")
for i in range(0, len(EXTRA), 8):
    w("    " + " ".join(f"'\\u{{{c:04x}}}'," for c in EXTRA[i:i + 8]))
w("];")
print("\n".join(out))
