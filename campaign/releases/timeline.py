"""A rollout as a timeline: coordinates computed here, drawn by a template.

The SVG is built on the server from plain numbers, so the admin needs no
third-party script and no inline style under its Content-Security-Policy.
One row per region, ordered by instant; x is time, labelled on the user's
own clock (their Wagtail time zone) and written in their language's format.
Every marker carries its state as text and as a shape, never as colour alone.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from campaign.models import Release
from campaign.timezones import admin_date, region_label, viewer_label

State = Release.State

WIDTH = 960
GUTTER = 170  # region names, right-aligned left of the plot
RIGHT = 24
TOP = 28
ROW = 56
AXIS = 52
MARKER = 7
EDGE = 32  # a tick label this close to an end of the axis is aligned to it

#: Colours pass WCAG contrast on white and stay apart for common colour
#: blindness; the shape and the text label carry the same meaning.
COLOURS = {
    State.SCHEDULED: "#1f5faa",
    State.PUBLISHED: "#1b7837",
    State.BLOCKED: "#a14d00",
    State.FAILED: "#b2182b",
    State.WITHDRAWN: "#5f5f5f",
    State.EXPIRED: "#5f5f5f",
}
SHAPES = {
    State.SCHEDULED: "ring",
    State.PUBLISHED: "dot",
    State.BLOCKED: "square",
    State.FAILED: "triangle",
    State.WITHDRAWN: "diamond",
    State.EXPIRED: "diamond",
}
#: Tick spacings to choose from, smallest first.
STEPS = [
    timedelta(seconds=s) for s in (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800)
] + [timedelta(hours=h) for h in (1, 2, 3, 6, 12, 24, 48, 168)]
MAX_TICKS = 8


def duration_label(duration: timedelta) -> str:
    seconds = duration.total_seconds()
    if abs(seconds) < 60:
        return _("%(seconds).1f s") % {"seconds": seconds}
    minutes = int(seconds // 60)
    if abs(minutes) < 60:
        return _("%(minutes)d min %(seconds)d s") % {
            "minutes": minutes,
            "seconds": int(seconds % 60),
        }
    return _("%(hours)d h %(minutes)d min") % {
        "hours": minutes // 60,
        "minutes": minutes % 60,
    }


def state_label(release: Release, now: datetime) -> str:
    text = release.get_state_display()
    if release.is_late(now):
        text = _("%(state)s, late") % {"state": text}
    return text


@dataclass
class Tick:
    x: float
    time: str
    date: str  # shown on the first tick and where the UTC date changes
    anchor: str = "middle"  # start or end at the ends, to stay in the plot


@dataclass
class Row:
    release: Release
    y: float
    x: float
    region: str
    local: str
    viewer: str  # the same instant on the user's clock
    state: str
    colour: str
    shape: str
    text_x: float
    anchor: str  # start or end
    band_y: float
    points: str = ""  # polygon shapes
    #: Set by the view from the user's permissions.
    can_override: bool = False
    can_withdraw: bool = False

    @property
    def expires(self) -> str:
        release = self.release
        return (
            region_label(release.expire_at, release.region.zone)
            if release.expire_at
            else ""
        )

    @property
    def published(self) -> str:
        at = self.release.published_at
        return viewer_label(at) if at else ""

    @property
    def lateness(self) -> str:
        late = self.release.lateness
        return duration_label(late) if late is not None else ""

    @property
    def local_y(self) -> float:
        return self.y - 4

    @property
    def viewer_y(self) -> float:
        return self.y + 12

    @property
    def square_x(self) -> float:
        return self.x - MARKER

    @property
    def square_y(self) -> float:
        return self.y - MARKER


@dataclass
class Timeline:
    title: str
    description: str
    width: int = WIDTH
    height: int = 0
    plot_left: int = GUTTER
    plot_right: int = WIDTH - RIGHT
    axis_y: float = 0
    rows: list[Row] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    now_x: float | None = None
    row_height: int = ROW
    #: The user's time zone as the axis names it (UTC, CET, EST).
    zone: str = "UTC"

    @property
    def marker(self) -> int:
        return MARKER

    @property
    def square(self) -> int:
        return 2 * MARKER

    @property
    def label_x(self) -> int:
        return self.plot_left - 12

    @property
    def tick_end_y(self) -> float:
        return self.axis_y + 6

    @property
    def tick_time_y(self) -> float:
        return self.axis_y + 20

    @property
    def tick_date_y(self) -> float:
        return self.axis_y + 36


def _bounds(instants: list[datetime]) -> tuple[datetime, datetime]:
    start, end = min(instants), max(instants)
    span = end - start
    pad = timedelta(minutes=30) if not span else max(span / 10, timedelta(seconds=1))
    return start - pad, end + pad


def _step(span: timedelta) -> timedelta:
    for step in STEPS:
        if span / step <= MAX_TICKS:
            return step
    return STEPS[-1]


def _ticks(start: datetime, end: datetime, scale) -> list[Tick]:
    step = _step(end - start)
    seconds = step.total_seconds()
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    first = epoch + timedelta(
        seconds=-(-(start - epoch).total_seconds() // seconds) * seconds
    )
    pattern = formats.get_format("TIME_FORMAT")
    if seconds < 60 and pattern.endswith("i"):
        pattern += ":s"
    ticks, moment, last_date = [], first, None
    while moment <= end:
        local = timezone.localtime(moment)
        date = admin_date(local)
        ticks.append(
            Tick(
                x=scale(moment),
                time=formats.time_format(local, pattern),
                date=date if date != last_date else "",
            )
        )
        last_date = date
        moment += step
    return ticks


def _polygon(shape: str, x: float, y: float) -> str:
    m = MARKER + 1
    corners = {
        "triangle": [(x, y - m), (x + m, y + m - 1), (x - m, y + m - 1)],
        "diamond": [(x, y - m), (x + m, y), (x, y + m), (x - m, y)],
    }.get(shape, [])
    return " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)


def build(releases, title: str, now: datetime | None = None) -> Timeline:
    """The timeline of ``releases``: one row each, ordered by go-live instant."""
    now = now or timezone.now()
    releases = sorted(releases, key=lambda r: (r.go_live_at, r.region.code))
    timeline = Timeline(
        title=title, description="", zone=timezone.localtime(now).tzname()
    )
    timeline.height = TOP + ROW * max(len(releases), 1) + AXIS
    timeline.axis_y = TOP + ROW * max(len(releases), 1)
    if not releases:
        timeline.description = _("No release is scheduled.")
        return timeline

    start, end = _bounds([r.go_live_at for r in releases])
    plot = timeline.plot_right - timeline.plot_left

    def scale(moment: datetime) -> float:
        return round(timeline.plot_left + plot * ((moment - start) / (end - start)), 1)

    middle = timeline.plot_left + plot / 2
    lines = []
    for index, release in enumerate(releases):
        y = TOP + ROW * index + ROW / 2
        x = scale(release.go_live_at)
        shape = SHAPES[release.state]
        left = x > middle
        row = Row(
            release=release,
            y=y,
            x=x,
            region=f"{release.region.name} ({release.region.code})",
            local=region_label(release.go_live_at, release.region.zone),
            viewer=viewer_label(release.go_live_at),
            state=state_label(release, now),
            colour=COLOURS[release.state],
            shape=shape,
            text_x=x - MARKER - 6 if left else x + MARKER + 6,
            anchor="end" if left else "start",
            band_y=TOP + ROW * index,
            points=_polygon(shape, x, y),
        )
        timeline.rows.append(row)
        lines.append(
            _("%(region)s: %(local)s, %(viewer)s, %(state)s")
            % {
                "region": row.region,
                "local": row.local,
                "viewer": row.viewer,
                "state": row.state,
            }
        )
    timeline.ticks = _ticks(start, end, scale)
    for tick in timeline.ticks:
        if tick.x - timeline.plot_left < EDGE:
            tick.anchor = "start"
        elif timeline.plot_right - tick.x < EDGE:
            tick.anchor = "end"
    if start <= now <= end:
        timeline.now_x = scale(now)
    timeline.description = "; ".join(lines) + "."
    return timeline
