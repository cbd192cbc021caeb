"""Writes run results into docs/benchmarks.md: a row at the end of a table, or a block at the end
of a section. Shared by bench/report.py, crash_report.py, soak_report.py and lighthouse."""
import os

MD = "docs/benchmarks.md"


def _read(md):
    return open(md).read() if os.path.exists(md) else "# Benchmarks\n"


def _with_section(text, title, intro):
    """The text with the section (its title and intro) appended when it is not there yet."""
    if title in text.split("\n"):
        return text
    return text.rstrip("\n") + "\n\n" + title + "\n\n" + intro.rstrip("\n") + "\n"


def add_row(anchor, row, intro="", md=MD):
    """Adds row at the end of the first table at or after the line anchor (a section title or a
    table's header row), above any notes written under the table. When no line is anchor, the
    section is created first: anchor, then intro (which ends with the table's header)."""
    lines = _with_section(_read(md), anchor, intro).split("\n")
    start = lines.index(anchor)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("|"))
    while end + 1 < len(lines) and lines[end + 1].startswith("|"):
        end += 1
    lines.insert(end + 1, row)
    _write(md, lines)


def add_block(title, block, intro="", md=MD):
    """Adds the lines of block, after a blank line, at the end of the section under title (before
    the next "## " section), creating the section with intro first when it is not there."""
    lines = _with_section(_read(md), title, intro).rstrip("\n").split("\n")
    start = lines.index(title)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    while end > start and lines[end - 1] == "":
        end -= 1
    lines[end:end] = [""] + block
    _write(md, lines)


def _write(md, lines):
    text = "\n".join(lines)
    open(md, "w").write(text if text.endswith("\n") else text + "\n")
