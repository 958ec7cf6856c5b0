"""Write outputs whole: into a temporary folder or file beside the target, then moved into place."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from optimize.errors import InputError, Message, msg


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


#: What a staging or retired folder adds to the output's name: ``.`` + ``.partial-`` + a pid.
_STAGING_EXTRA = len(".") + len(".partial-") + 7


def check_target(
    out: Path,
    force: bool,
    inputs: Sequence[Path] = (),
    option: str = "--out",
    is_file: bool = False,
) -> None:
    """Refuse an output that could destroy an input or cannot be written; recover it first.

    Refused with or without `force`: an output that overlaps an input or the places a stray
    ``--force`` would wreck, or cannot be written. Refused without `force`: an existing one.
    A killed earlier write into `out` is recovered first (:func:`recover_interrupted`).

    Parameters
    ----------
    out : pathlib.Path
        The output folder (or file, with `is_file`).
    force : bool
        Replace an existing output.
    inputs : sequence of pathlib.Path
        Files and folders the command reads: the output may not be any of them, hold one or
        lie inside one (compared after resolving symbolic links).
    option : str
        The option or argument that named `out`, for messages.
    is_file : bool
        The output is one file rather than a folder.

    Raises
    ------
    InputError
        Naming `option`: the output overlaps an input, the current folder, the home folder or
        ``/``; lies under a regular file; is too long; its parent is not writable; or it
        exists as the wrong kind, or at all without `force`.
    """
    if "\0" in str(out):
        raise InputError(option, msg("errors.output.nul_byte"))
    resolved = _resolved(out)
    if resolved is None:
        raise InputError(option, msg("errors.output.unresolved", out=out))
    for path in inputs:
        _check_apart(out, resolved, _resolved(path), msg("errors.output.the_input"), option)
    _check_apart(out, resolved, Path.cwd().resolve(), msg("errors.output.the_cwd"), option)
    expanded = os.path.expanduser("~")  # stays "~" for a user without a home
    home = _resolved(Path(expanded)) if os.path.isabs(expanded) else None
    if home is not None and home.is_relative_to(resolved):
        raise InputError(option, msg("errors.output.home", out=out, home=home))
    _check_writable(out, option)
    if out.parent.is_dir():
        recover_interrupted(out)
    if is_file and out.is_dir():
        raise InputError(option, msg("errors.output.is_folder", out=out))
    if not is_file and out.exists() and not out.is_dir():
        raise InputError(option, msg("errors.output.not_folder", out=out))
    if out.exists() and not force:
        exists = "errors.output.file_exists" if is_file else "errors.output.folder_exists"
        raise InputError(option, msg(exists, out=out))


def _resolved(path: Path) -> Path | None:
    """`path` absolute with symbolic links resolved (a missing tail stays as written).

    None if it cannot be resolved (a link loop, a NUL byte): its reader refuses such an input.
    """
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a link loop before Python 3.13
        return None


def _check_apart(out: Path, resolved: Path, other: Path | None, what: Message, option: str) -> None:
    """Refuse an output equal to or holding `other`, or lying inside an input (all resolved)."""
    if other is None:
        return
    if resolved == other:
        raise InputError(option, msg("errors.output.same", out=out, what=what, other=other))
    if other.is_relative_to(resolved):
        raise InputError(option, msg("errors.output.holds", out=out, what=what, other=other))
    if what.key == "errors.output.the_input" and resolved.is_relative_to(other):
        raise InputError(option, msg("errors.output.inside", out=out, what=what, other=other))


def _check_writable(out: Path, option: str) -> None:
    """Refuse an output path that the file system would refuse part-way through a write.

    That is a name or path too long, a path under a regular file, or a nearest existing
    folder that cannot be written into.
    """
    absolute = Path(os.path.abspath(out))
    folder = absolute.parent
    while not os.path.exists(folder) and folder != folder.parent:  # never raises
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(option, msg("errors.output.under_file", out=out, folder=folder))
    name_max = _limit(folder, "PC_NAME_MAX", 255)
    path_max = _limit(folder, "PC_PATH_MAX", 4096)
    names = [len(os.fsencode(part)) for part in absolute.parts]
    if max(names) > name_max or names[-1] + _STAGING_EXTRA > name_max:
        limit = name_max - _STAGING_EXTRA
        raise InputError(option, msg("errors.output.name_too_long", limit=limit))
    length = len(os.fsencode(absolute))
    if length + name_max > path_max:  # leave room for the files written inside
        limit = path_max - name_max
        raise InputError(option, msg("errors.output.path_too_long", length=length, limit=limit))
    try:  # a real write tells more than permission bits (read-only mounts, root)
        os.rmdir(tempfile.mkdtemp(prefix=".clusterplan-probe-", dir=folder))
    except OSError as exc:
        raise InputError(
            option, msg("errors.output.not_writable", folder=folder, reason=exc.strerror)
        ) from None


def _limit(folder: Path, name: str, default: int) -> int:
    """A file-system limit of `folder` (``os.pathconf``), or `default` where unknown."""
    try:
        return os.pathconf(folder, name)
    except (OSError, ValueError):
        return default


def write_folder(
    out: Path, files: Mapping[str, str | bytes], force: bool = False, option: str = "--out"
) -> Path:
    """Write `files` into `out` so that `out` is either complete or untouched.

    Parameters
    ----------
    out : pathlib.Path
        Target folder.
    files : mapping of str to str or bytes
        Relative file name to content (text is written as UTF-8).
    force : bool
        Replace an existing `out`.
    option : str
        The option or argument that named `out`, for messages.

    Returns
    -------
    pathlib.Path
        `out`.

    Raises
    ------
    InputError
        See :func:`check_target`; also when the file system refuses a write.
    """
    check_target(out, force, option=option)
    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        for name, content in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        with _signals_held():
            if out.exists():
                retired = out.parent / f".{out.name}.old-{os.getpid()}"
                out.rename(retired)
                staging.rename(out)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                staging.rename(out)
    except OSError as exc:
        raise InputError(
            option, msg("errors.output.write_failed", out=out, reason=exc.strerror or exc)
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def write_file(target: Path, content: bytes, force: bool = False, option: str = "--out") -> Path:
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
    option : str
        The option or argument that named `target`, for messages.

    Returns
    -------
    pathlib.Path
        `target`.

    Raises
    ------
    InputError
        See :func:`check_target`; also when the file system refuses a write.
    """
    check_target(target, force, option=option, is_file=True)
    staging = target.parent / f".{target.name}.partial-{os.getpid()}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.write_bytes(content)
        staging.replace(target)
    except OSError as exc:
        raise InputError(
            option, msg("errors.output.write_failed", out=target, reason=exc.strerror or exc)
        ) from None
    finally:
        staging.unlink(missing_ok=True)
    return target


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while the old output is swapped for the new one.

    An interrupt then lands before or after the swap, never between its two renames.
    """
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
