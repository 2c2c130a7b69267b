"""Plain data classes for a structured resolution: what the parser produces and the exporter reads."""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any


@dataclass
class Footnote:
    marker: str  # the footnote number as written in its definition ("17")
    text: str


@dataclass
class Paragraph:
    type: str  # "preambular" | "operative" | "other"
    text: str
    number: int | None = None
    role: str | None = None  # for "other": "header", "title", "formula", "heading", "signature", "annex"
    # footnote markers inside `text`: {"marker", "start", "end"}; start/end index `text`
    markers: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Document:
    id: str
    lang: str
    source: str
    header: dict[str, Any]
    paragraphs: list[Paragraph]
    footnotes: dict[str, Footnote]
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"preambular": 0, "operative": 0, "other": 0}
        for p in self.paragraphs:
            out[p.type] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
