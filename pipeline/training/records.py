"""What a trained model's meta.json records about itself: library versions, repo-relative paths, size on disk.
Shared by the segmenter and stanza trainers so their records read the same way."""
from __future__ import annotations

from pathlib import Path

from ..models import ROOT


def version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version as _v

    try:
        return _v(dist)
    except PackageNotFoundError:
        return "?"


def rel(path: Path) -> str:
    """`path` relative to the repository when it is inside it (records stay the same on every machine)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())
