"""Write outputs whole: into a temporary folder or file beside the target, then moved into place."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from optimize.errors import InputError


def process_alive(pid: int) -> bool:
    """Whether a process with id `pid` is running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_interrupted(out: Path) -> None:
    """Clean up after a write into `out` that was killed part-way.

    A killed writer leaves ``.NAME.partial-PID`` (incomplete, deleted here) and, if it died
    between moving the old folder aside and the new one in, ``.NAME.old-PID`` (the previous
    results, moved back when `out` is missing). Folders of live writers are left alone.
    """
    for leftover in sorted(out.parent.glob(f".{out.name}.*-*")):
        kind, _, pid = leftover.name.rpartition("-")
        if not pid.isdigit() or process_alive(int(pid)):
            continue
        if kind.endswith(".old") and not out.exists():
            leftover.rename(out)
        elif kind.endswith(".partial") and leftover.is_file():
            leftover.unlink()
        elif kind.endswith((".old", ".partial")):
            shutil.rmtree(leftover, ignore_errors=True)


def check_target(out: Path, force: bool) -> None:
    """Refuse an existing output folder unless `force` (after recovering a killed write).

    Raises
    ------
    InputError
        If `out` exists and `force` is false, or `out` is a file.
    """
    if out.parent.is_dir():
        recover_interrupted(out)
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "output path exists and is not a folder")
    if out.exists() and not force:
        raise InputError(str(out), "output folder exists; pass --force to replace it")


def write_folder(out: Path, files: Mapping[str, str | bytes], force: bool = False) -> Path:
    """Write `files` into `out` so that `out` is either complete or untouched.

    Parameters
    ----------
    out : pathlib.Path
        Target folder.
    files : mapping of str to str or bytes
        Relative file name to content (text is written as UTF-8).
    force : bool
        Replace an existing `out`.

    Returns
    -------
    pathlib.Path
        `out`.
    """
    check_target(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        for name, content in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        if out.exists():
            retired = out.parent / f".{out.name}.old-{os.getpid()}"
            out.rename(retired)
            staging.rename(out)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def write_file(target: Path, content: bytes, force: bool = False) -> Path:
    """Write one file so that `target` is either complete or untouched.

    The content goes into a temporary file in the same folder, which is then renamed over
    `target` (an atomic replacement on one file system).

    Parameters
    ----------
    target : pathlib.Path
        The file to write.
    content : bytes
        Its content.
    force : bool
        Replace an existing `target`.

    Returns
    -------
    pathlib.Path
        `target`.

    Raises
    ------
    InputError
        If `target` exists and `force` is false, or is a folder.
    """
    if target.parent.is_dir():
        recover_interrupted(target)
    if target.is_dir():
        raise InputError(str(target), "output path is a folder, not a file")
    if target.exists() and not force:
        raise InputError(str(target), "output file exists; pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.partial-{os.getpid()}"
    try:
        staging.write_bytes(content)
        staging.replace(target)
    finally:
        staging.unlink(missing_ok=True)
    return target
