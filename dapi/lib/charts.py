"""What every chart shares so that it can be read on a screen and on paper (issue 17, item 9
and 10): text at least FONT_PX pixels, never shortened with an ellipsis, and drawn no wider than
PRINT_WIDTH_PX, so that the panel pack prints it at its own size (12 px is 9 pt) instead of
shrinking it to the page. Pages show charts at their own size too, scrolling sideways on a phone.
"""

import textwrap

FONT_PX = 12
# The panel pack's A4 text width (210 mm less 2 x 16 mm margins) in CSS pixels (96 per inch).
PRINT_WIDTH_PX = 178 / 25.4 * 96


# Room either side for text a browser draws wider than vl-convert measured it: vl-convert sizes the
# SVG with Liberation Sans (Arial's widths), and where a screen has neither it draws a wider font.
PADDING_PX = 40


def readable(chart):
    """`chart` with every axis, legend and title in text of at least FONT_PX and no label cut short."""
    chart = chart.properties(padding={"left": PADDING_PX, "right": PADDING_PX, "top": 5, "bottom": 5})
    return (chart.configure_axis(labelFontSize=FONT_PX, titleFontSize=FONT_PX, labelLimit=0)
            .configure_legend(labelFontSize=FONT_PX, titleFontSize=FONT_PX, labelLimit=0)
            .configure_title(fontSize=FONT_PX + 2, limit=0)
            .configure_text(fontSize=FONT_PX))


def wrapped(label: str, width: int = 30) -> str:
    """A long label on lines of at most `width` characters (axis labels split at the newlines; see
    LINES), so that it is never cut short and the chart stays narrow enough to print."""
    return "\n".join(textwrap.wrap(label, width)) or label


# An axis's labelExpr that draws a wrapped() label on its lines.
LINES = "split(datum.label, '\\n')"


def line_count(label: str) -> int:
    return label.count("\n") + 1

