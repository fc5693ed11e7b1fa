"""Read the annotated fixtures in ``data/``: ``kind| text`` lines are furniture, other lines story."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
_LABEL = re.compile(r"^([a-z_]+)\| (.*)$")


@dataclass(frozen=True)
class Fixture:
    name: str
    text: str
    junk: dict[str, str]      # line -> kind
    story: list[str]          # lines that must stay


def load(name: str) -> Fixture:
    junk: dict[str, str] = {}
    story: list[str] = []
    raw: list[str] = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.startswith("# Annotated fixture"):
            continue
        m = _LABEL.match(line)
        if m:
            junk[m.group(2)] = m.group(1)
            raw.append(m.group(2))
        else:
            raw.append(line)
            if line.strip():
                story.append(line.strip())
    return Fixture(name, "\n".join(raw), junk, story)


def names() -> list[str]:
    return sorted(p.name for p in DATA.glob("*.txt"))
