"""Check that the README's "A real run (`unap evaluate ...`)" tables hold what that command produces now.

For each such paragraph the named command is run again (into a temporary runs folder), and every cell of the
README table is compared with the cell of the same row (configuration) and column (header text) of the run's
`report.md`; the "N units" the paragraph states is compared with the run's unit count. Exit status 1 and one
line per difference when they disagree; `--update` writes the measured figures into the README instead.

    .venv/bin/python benchmarks/check_readme.py [--update] [--readme README.md]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLAIM = re.compile(r"A real run \(`(unap evaluate [^`]+)`")


@dataclass
class Claim:
    command: str
    units: int | None        # the "N units" the paragraph states, if it does
    units_at: int | None     # offset of that number in the README text
    table_at: tuple[int, int]  # offsets of the table in the README text


@dataclass
class Measured:
    units: int
    header: list[str]
    rows: dict[str, list[str]]  # configuration -> cells, in `header` order


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table(text: str, start: int) -> tuple[int, int]:
    """Offsets of the first Markdown table at or after `start`."""
    m = re.compile(r"^\|.*\n(?:\|.*\n)*", re.M).search(text, start)
    if not m:
        raise ValueError(f"README: no table after offset {start}")
    return m.start(), m.end()


def _rows(table: str) -> tuple[list[str], dict[str, list[str]]]:
    lines = [_cells(line) for line in table.splitlines() if line.strip()]
    body = [c for c in lines[1:] if not set("".join(c)) <= set("-:")]
    return lines[0], {c[0]: c for c in body}


def claims(text: str) -> list[Claim]:
    out = []
    for m in CLAIM.finditer(text):
        start, end = _table(text, m.end())
        units = re.compile(r"(\d+) units").search(text, m.end(), start)
        out.append(Claim(m.group(1), int(units.group(1)) if units else None, units.start(1) if units else None,
                         (start, end)))
    return out


def measure(command: str) -> Measured:
    """Run `unap evaluate ...` as written (from the repository root), its run written to a temporary folder;
    the first table of its report.md."""
    from pipeline.cli import main

    argv = shlex.split(command)[1:]
    if "--runs-dir" in argv:
        raise ValueError(f"{command}: the check chooses the runs folder itself")
    name = argv[argv.index("--name") + 1] if "--name" in argv else "readme-check"
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(ROOT):  # README commands run from the root
        args = argv + ["--runs-dir", tmp] + ([] if "--name" in argv else ["--name", name])
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            rc = main(args)
        if rc != 0:
            raise RuntimeError(f"{command}: exit status {rc}: {err.getvalue().strip()}")
        run = Path(tmp) / name
        report = (run / "report.md").read_text(encoding="utf-8")
        units = json.loads((run / "scores.json").read_text(encoding="utf-8"))["units"]
    start, end = _table(report, 0)
    header, rows = _rows(report[start:end])
    return Measured(units, header, rows)


def differences(text: str, claim: Claim, got: Measured) -> list[str]:
    """One line per README figure that is not what the command produced (`cfg / column: README x, run y`)."""
    header, rows = _rows(text[slice(*claim.table_at)])
    out = []
    if claim.units is not None and claim.units != got.units:
        out.append(f"README says {claim.units} units, the run has {got.units}")
    for col in header[1:]:
        if col not in got.header:
            out.append(f"column {col!r} is not in the run's report")
    for cfg, cells in rows.items():
        if cfg not in got.rows:
            out.append(f"no configuration {cfg!r} in the run")
            continue
        for col, cell in zip(header[1:], cells[1:]):
            if col in got.header and got.rows[cfg][got.header.index(col)] != cell:
                out.append(f"{cfg} / {col}: README {cell}, run {got.rows[cfg][got.header.index(col)]}")
    return out


def updated(text: str, claim: Claim, got: Measured) -> str:
    """The README text with this claim's table (and unit count) replaced by the measured figures."""
    header, rows = _rows(text[slice(*claim.table_at)])
    lines = text[slice(*claim.table_at)].splitlines(keepends=True)
    new = []
    for line in lines:
        cells = _cells(line)
        if cells[0] in rows and cells[0] in got.rows and cells != header:
            line = "| " + " | ".join([cells[0]] + [got.rows[cells[0]][got.header.index(col)] if col in got.header
                                                    else cell for col, cell in zip(header[1:], cells[1:])]) + " |\n"
        new.append(line)
    start, end = claim.table_at
    text = text[:start] + "".join(new) + text[end:]
    if claim.units_at is not None:
        text = text[:claim.units_at] + str(got.units) + text[claim.units_at + len(str(claim.units)):]
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--readme", default=str(ROOT / "README.md"))
    ap.add_argument("--update", action="store_true", help="write the measured figures into the README")
    args = ap.parse_args(argv)
    path = Path(args.readme)
    text = path.read_text(encoding="utf-8")
    found = claims(text)
    if not found:
        print(f"{path}: no 'A real run (`unap evaluate ...`)' paragraph", file=sys.stderr)
        return 1
    problems = []
    for claim in reversed(found):  # from the end, so that earlier offsets stay valid under --update
        got = measure(claim.command)
        diff = differences(text, claim, got)
        problems += [f"`{claim.command}`: {d}" for d in diff]
        if args.update and diff:
            text = updated(text, claim, got)
    if args.update:
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {len(problems)} figures updated", file=sys.stderr)
        return 0
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{path}: {len(found)} run tables checked, {len(problems)} differences", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
