"""Charts of the report as SVG drawn on the server: no script, no third
party, and a table with the same numbers next to each. Numbers are
formatted here; every text is escaped."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 560
ROW = 34
LEFT = 170
BAR = "#2b6cb0"
INK = "#1a1a1a"


def _svg(height: int, label_id: str, title: str, body: str) -> str:
    return mark_safe(  # noqa: S308 (numbers formatted, texts escaped here)
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{label_id}"><title id="{label_id}">{escape(title)}'
        f"</title>{body}</svg>"
    )


def ctr_chart(rows: list[tuple[str, object]], title: str, hidden: str) -> str:
    """Horizontal bars of click-through rate with the 95% interval drawn as a
    line; a wording whose rate is suppressed shows ``hidden``."""
    top = max((rate.interval[1] for _label, rate in rows if rate.interval),
              default=0.0) or 0.01  # fmt: skip
    scale = (WIDTH - LEFT - 70) / top
    parts = []
    for index, (label, rate) in enumerate(rows):
        y = 10 + index * ROW
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 18}" text-anchor="end" fill="{INK}">'
            f"{escape(label)}</text>"
        )
        if rate.ctr is None:
            parts.append(
                f'<text x="{LEFT}" y="{y + 18}" fill="{INK}">{escape(hidden)}</text>'
            )
            continue
        low, high = rate.interval
        parts.append(
            f'<rect x="{LEFT}" y="{y + 4}" width="{rate.ctr * scale:.1f}" '
            f'height="20" fill="{BAR}"></rect>'
            f'<line x1="{LEFT + low * scale:.1f}" x2="{LEFT + high * scale:.1f}" '
            f'y1="{y + 14}" y2="{y + 14}" stroke="{INK}" stroke-width="2"></line>'
            f'<text x="{LEFT + high * scale + 6:.1f}" y="{y + 18}" fill="{INK}">'
            f"{rate.ctr:.2%}</text>"
        )
    return _svg(ROW * len(rows) + 20, "chart-ctr", title, "".join(parts))


def daily_chart(days: list[tuple[str, int, str]], title: str) -> str:
    """Impressions per day as columns: (day, height, label); a suppressed
    day comes with height 0 and the label "<10"."""
    if not days:
        return ""
    top = max(count for _day, count, _label in days) or 1
    step = max(8, (WIDTH - 40) // len(days))
    parts = [
        f'<rect x="{20 + index * step}" y="{130 - 120 * count / top:.1f}" '
        f'width="{step - 2}" height="{120 * count / top:.1f}" fill="{BAR}">'
        f"<title>{escape(day)}: {escape(label)}</title></rect>"
        for index, (day, count, label) in enumerate(days)
    ]
    parts.append(
        f'<line x1="20" x2="{WIDTH - 20}" y1="130" y2="130" stroke="{INK}"></line>'
    )
    return _svg(160, "chart-days", title, "".join(parts))
