"""Output paths checked before any work is done: each problem is one line for the user, None when it can be
written."""
from __future__ import annotations

import tempfile
from pathlib import Path


def output_problem(out: Path, *, folder: bool = False) -> str | None:
    """Why `out` cannot be written, checked before any work is done (None: it can)."""
    if not folder and out.is_dir():
        return f"{out}: is a folder; name an output file"
    if folder and out.exists() and not out.is_dir():
        return f"{out}: is a file; this output is a folder"
    parent = out.parent if not (folder and out.is_dir()) else out
    if not parent.is_dir():
        return f"{out}: output folder {parent} does not exist"
    if not can_create_in(parent):
        return f"{out}: output folder {parent} is not writable"
    return None


def can_create_in(folder: Path) -> bool:
    """Try it: permission bits say nothing for root or a read-only mount."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".unap-probe-"):
            return True
    except OSError:
        return False


def folder_problem(folder: Path) -> str | None:
    """Why a folder (made with its parents if missing) cannot be written into; None: it can."""
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        return f"{folder}: {probe} is a file, not a folder"
    if not can_create_in(probe):
        return f"{folder}: {probe} is not writable"
    return None
