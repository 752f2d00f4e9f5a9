"""Text on share images: the Noto font for a script, bidi runs, wrapping.

libraqm (in Pillow's wheel) shapes Arabic and lays it out right to left;
this module finds the font that covers a language's script, splits a line
into runs of one direction, wraps words to a width and finds the largest
headline size that fits a box. It knows nothing of pages or storage:
``campaign.share_images.render`` draws and stores the cards.
"""

import importlib
import re
import struct
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from PIL import ImageFont, features

#: The smallest headline size tried. A headline that does not fit even then
#: (a "word" of some 80 letters, a long URL) is broken inside its words;
#: one that still does not fit is cut with an ellipsis: a card is always
#: drawn.
MIN_HEADLINE_SIZE = 12
#: The weight headlines are drawn in, on variable fonts.
HEADLINE_WEIGHT = "Bold"


class FontNotFound(ImproperlyConfigured):
    """No font for a script: its Python font package is not installed.

    The fonts travel with the project: each script's Noto font comes from a
    PyPI package in the locked requirements (SIL Open Font License 1.1, its
    licence file inside the package), so no system package is needed.
    ``SHARE_IMAGE_FONT_DIRS`` (a list of folders, searched first) may point at
    other copies of the same files.
    """


@dataclass(frozen=True)
class Script:
    name: str
    direction: str
    #: Font files searched in ``SHARE_IMAGE_FONT_DIRS``, the preferred first.
    files: tuple[str, ...]
    #: Baseline to baseline, in font sizes: Arabic needs room for its marks.
    line_spacing: float
    #: The Python package that ships the font (a fontpkg-* distribution).
    package: str = ""


LATIN = Script(
    "Latin",
    "ltr",
    ("NotoSans-Bold.ttf", "NotoSans[wdth,wght].ttf"),
    1.2,
    package="fontpkg_noto_sans",
)
ARABIC = Script(
    "Arabic",
    "rtl",
    ("NotoSansArabic-Bold.ttf", "NotoSansArabic[wdth,wght].ttf"),
    1.6,
    package="fontpkg_noto_sans_arabic",
)
SCRIPT_OF_LANGUAGE = {"ar": ARABIC, "fa": ARABIC}


def base_language(language_code: str) -> str:
    return language_code.split("-")[0].lower()


def script_for(language_code: str) -> Script:
    return SCRIPT_OF_LANGUAGE.get(base_language(language_code), LATIN)


def _package_folder(script: Script) -> Path | None:
    """The folder of font files of the script's package, if it is installed."""
    if not script.package:
        return None
    try:
        module = importlib.import_module(script.package)
    except ImportError:
        return None
    return Path(module.ROOT) / "files"


@cache
def font_file(script: Script) -> Path:
    folders = [Path(f) for f in getattr(settings, "SHARE_IMAGE_FONT_DIRS", ())]
    if (package_folder := _package_folder(script)) is not None:
        folders.append(package_folder)
    for name in script.files:
        for folder in folders:
            if (path := folder / name).is_file():
                return path
    distribution = script.package.replace("_", "-") or "a font package"
    raise FontNotFound(
        f"No font for the {script.name} script of share images: looked for "
        f"{', '.join(script.files)} in "
        f"{', '.join(str(f) for f in folders) or 'no folder'}. The Python package "
        f"{distribution} provides it: run `make install`."
    )


@cache
def codepoints(path: Path) -> frozenset[int]:
    """The characters a TrueType/OpenType font has glyphs for (its cmap table)."""
    data = path.read_bytes()

    def read(layout: str, at: int) -> tuple:
        return struct.unpack_from(layout, data, at)

    tables = range(12, 12 + 16 * read(">H", 4)[0], 16)
    cmap = {data[at : at + 4]: read(">I", at + 8)[0] for at in tables}[b"cmap"]
    records = range(cmap + 4, cmap + 4 + 8 * read(">H", cmap + 2)[0], 8)
    encodings = {read(">HH", at): cmap + read(">I", at + 4)[0] for at in records}
    preferred = ((3, 10), (0, 4), (3, 1), (0, 3))  # full Unicode first
    at = next((encodings[key] for key in preferred if key in encodings), None)
    found: set[int] = set()
    if at is not None and read(">H", at)[0] == 12:  # groups of 32-bit codes
        for group in range(at + 16, at + 16 + 12 * read(">I", at + 12)[0], 12):
            first, last = read(">II", group)
            found.update(range(first, last + 1))
    elif at is not None and read(">H", at)[0] == 4:  # segments of 16-bit codes
        count = read(">H", at + 6)[0] // 2
        ends = read(f">{count}H", at + 14)
        starts = read(f">{count}H", at + 16 + 2 * count)
        deltas = read(f">{count}h", at + 16 + 4 * count)
        for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
            offset_at = at + 16 + 6 * count + 2 * index
            (offset,) = read(">H", offset_at)
            for code in range(start, min(end, 0xFFFE) + 1):
                glyph = code
                if offset:
                    glyph = read(">H", offset_at + offset + 2 * (code - start))[0]
                if glyph and (glyph + deltas[index]) % 0x10000:
                    found.add(code)
    return frozenset(found)


@dataclass(frozen=True)
class Run:
    """Characters drawn in one call: one font, one direction."""

    text: str
    font: ImageFont.FreeTypeFont
    direction: str
    language: str | None
    width: float


@cache
def load_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)
    try:
        font.set_variation_by_name(HEADLINE_WEIGHT)  # a variable font: bold
    except OSError:
        pass  # a static font: drawn as it is
    return font


def _directions(text: str, paragraph: str) -> list[str]:
    """Each character's direction, after the Unicode bidi rules for two levels.

    Letters keep their own direction; European digits follow the letters
    before them (rule W7); spaces and punctuation between two runs of one
    direction take it, otherwise the paragraph's (N1, N2). Enough for Latin
    names (``AI``, ``Europol``) in Arabic text and the reverse.
    """
    strong, last = [], paragraph
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L" or kind in ("R", "AL"):
            last = "ltr" if kind == "L" else "rtl"
            strong.append(last)
        elif kind in ("EN", "AN"):
            strong.append("ltr" if kind == "EN" and last == "ltr" else "rtl")
        else:
            strong.append(None)
    result = []
    for index, direction in enumerate(strong):
        if direction is None and unicodedata.bidirectional(text[index]) == "NSM":
            direction = result[-1] if result else paragraph
        elif direction is None:
            before = next((d for d in reversed(strong[:index]) if d), paragraph)
            after = next((d for d in strong[index + 1 :] if d), paragraph)
            direction = before if before == after else paragraph
        result.append(direction)
    return result


class TextStyle:
    """A language's fonts at one size: its script's font, then the others.

    Noto Sans Arabic has no Latin letters and Noto Sans no Arabic ones, so a
    character the first font lacks is drawn with the next that has it.
    Measures like ``FreeTypeFont.getlength``, so :func:`wrap_words` takes
    either.
    """

    def __init__(self, language_code: str, size: int):
        if not features.check("raqm"):
            raise ImproperlyConfigured(
                "Share images need Pillow with libraqm to shape text "
                "(Debian: apt-get install libraqm0)."
            )
        script = script_for(language_code)
        scripts = [script, *(s for s in (LATIN, ARABIC) if s != script)]
        self.size = size
        self.direction = script.direction
        self.pitch = size * script.line_spacing
        self.faces = [
            (load_font(font_file(s), size), codepoints(font_file(s))) for s in scripts
        ]
        self.language = base_language(language_code)
        self.ascent, self.descent = self.faces[0][0].getmetrics()

    def _face(self, char: str, previous: int | None) -> int:
        if previous is not None and (
            unicodedata.combining(char)
            or (
                unicodedata.bidirectional(char) not in ("L", "R", "AL")
                and ord(char) in self.faces[previous][1]
            )
        ):
            return previous  # marks and punctuation stay with their neighbour
        for index, (_font, chars) in enumerate(self.faces):
            if ord(char) in chars:
                return index
        return 0

    def runs(self, text: str) -> list[Run]:
        """The text cut where the font or the direction changes, in logical order."""
        keys, face = [], None
        for char, direction in zip(
            text, _directions(text, self.direction), strict=True
        ):
            face = self._face(char, face)
            keys.append((face, direction))
        runs, start = [], 0
        for end in range(1, len(text) + 1):
            if end == len(text) or keys[end] != keys[start]:
                face, direction = keys[start]
                font = self.faces[face][0]
                language = self.language if face == 0 else None
                chunk = text[start:end]
                width = font.getlength(chunk, direction=direction, language=language)
                runs.append(Run(chunk, font, direction, language, width))
                start = end
        return runs

    def getlength(self, text: str, direction: str | None = None, **kwargs) -> float:
        return sum(run.width for run in self.runs(text))

    def block_height(self, lines: int) -> float:
        return self.ascent + self.descent + self.pitch * max(lines - 1, 0)


@cache
def text_style(language_code: str, size: int) -> TextStyle:
    return TextStyle(language_code, size)


#: Spaces where a line may break; no-break spaces (French « ? ») hold.
BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def _clusters(word: str) -> list[str]:
    """The word's letters, each with the marks that follow it."""
    clusters: list[str] = []
    for char in word:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def split_word(word: str, font, max_width: float, direction: str = "ltr"):
    """A word too wide for a line, cut between letters into pieces that fit
    (each as long as fits: a binary search, not a measure per letter)."""
    clusters, pieces = _clusters(word), []
    while clusters:
        low, high = 1, len(clusters)
        while low < high:
            middle = (low + high + 1) // 2
            piece = "".join(clusters[:middle])
            if font.getlength(piece, direction=direction) <= max_width:
                low = middle
            else:
                high = middle - 1
        pieces.append("".join(clusters[:low]))
        clusters = clusters[low:]
    return pieces


def wrap_words(
    text: str, font, max_width: float, direction: str = "ltr", split=False
) -> list[str]:
    """Greedy wrapping at spaces, in logical order.

    A word wider than ``max_width`` gets a line of its own, which the caller
    sees as too wide and answers with a smaller font; with ``split`` it is
    cut between letters instead.
    """
    lines: list[str] = []
    current = ""
    for word in BREAKS.split(text.strip()):
        if split and font.getlength(word, direction=direction) > max_width:
            *whole, word = split_word(word, font, max_width, direction)
            lines.extend([current, *whole] if current else whole)
            current = ""
        candidate = f"{current} {word}" if current else word
        if current and font.getlength(candidate, direction=direction) > max_width:
            lines.append(current)
            candidate = word
        current = candidate
    return [*lines, current] if current else lines


def _fits(style: TextStyle, lines: list[str], width: float, height: float) -> bool:
    return style.block_height(len(lines)) <= height and all(
        style.getlength(line) <= width for line in lines
    )


class TypesettingTimeout(Exception):
    """Fitting the headline went past its deadline."""


def fit_headline(
    text: str,
    language_code: str,
    width: float,
    height: float,
    largest: int,
    deadline: float | None = None,
) -> tuple[TextStyle, list[str]]:
    """The largest size (in steps of 2px) at which the wrapped text fits the box.

    Words are kept whole down to the smallest size; only a word too long for
    a line even then (a URL) is broken, at the largest size that fits.
    """
    sizes = range(largest, MIN_HEADLINE_SIZE - 1, -2)
    for split in (False, True):
        for size in sizes:
            if deadline is not None and time.monotonic() >= deadline:
                raise TypesettingTimeout(
                    f"the headline was not fitted before its deadline ({size}px)"
                )
            style = text_style(language_code, size)
            lines = wrap_words(text, style, width, style.direction, split=split)
            if _fits(style, lines, width, height):
                return style, lines
    # Longer than the box holds even at the smallest size: cut it.
    style = text_style(language_code, MIN_HEADLINE_SIZE)
    lines = wrap_words(text, style, width, style.direction, split=True)
    room = max(1, int((height - style.ascent - style.descent) // style.pitch) + 1)
    last = lines[room - 1]
    while last and style.getlength(f"{last}…") > width:
        last = last[:-1]
    return style, [*lines[: room - 1], f"{last}…"]


def draw_line(draw, text, style, left, right, baseline, fill) -> None:
    """One line, aligned to the start side of its script (right for Arabic).

    Runs of the paragraph's direction follow each other from the start side;
    a run of the other direction (a Latin name in Arabic) keeps its own order
    inside the span it takes.
    """
    runs = style.runs(text)
    rtl = style.direction == "rtl"
    cursor = right - sum(run.width for run in runs) if rtl else left
    groups: list[list[Run]] = []
    for run in runs:
        if groups and groups[-1][0].direction == run.direction:
            groups[-1].append(run)
        else:
            groups.append([run])
    for group in reversed(groups) if rtl else groups:
        ordered = group[::-1] if group[0].direction == "rtl" else group
        for run in ordered:
            options = {"direction": run.direction, "language": run.language}
            draw.text((cursor, baseline), run.text, fill, run.font, "ls", **options)
            cursor += run.width
