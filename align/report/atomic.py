"""Write files whole or not at all, without destroying what is not ours to replace.

A regular file (or a new path) is written to a temporary file in the same folder, synced, then renamed over
the old one, with the permissions the umask gives (or the old file's). A device, a FIFO or `-` (stdout) is
written straight through: replacing `/dev/null` by a file would be a disaster. A symlink keeps pointing where it
did: its target is what gets replaced. Temporary names start with `TEMPORARY_PREFIX`, which no pair id or
report file can, so leftovers of a killed run are recognised and nothing else is ever removed as one.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from typing import Iterable, Mapping

TEMPORARY_PREFIX = ".tmp-align-"


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _umask_mode() -> int:
    """The mode a new file gets from open(): 0666 less the umask."""
    return 0o666 & ~current_umask()


def _is_stream(path: str) -> bool:
    """A path to write straight through: stdout, or an existing device, FIFO or socket."""
    if path == "-":
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_atomic(path: str, data: str | bytes) -> None:
    """Write `data` to `path`: atomically for a regular file or a new path, straight through to a stream."""
    payload = _bytes(data)
    if _is_stream(path):
        if path == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            with open(path, "wb") as handle:
                handle.write(payload)
        return
    path = os.path.realpath(path)            # a symlink keeps pointing where it did; its target is replaced
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = _umask_mode()
    fd, tmp = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise


def write_folder(out_dir: str, contents: Mapping[str, str | bytes]) -> tuple[str, ...]:
    """Write a set of files into `out_dir` as one: all go to a temporary folder first and are moved into place
    only when every one was written, so a failure leaves the folder as it was. Returns the paths, in order."""
    os.makedirs(out_dir, exist_ok=True)
    remove_leftovers(out_dir)
    mode = _umask_mode()
    staging = tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=out_dir)
    written = []
    try:
        for name, data in contents.items():
            with open(os.path.join(staging, name), "wb") as handle:
                handle.write(_bytes(data))
                handle.flush()
                os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
        for name in contents:   # what would make a move fail is found before anything moves
            final = os.path.join(out_dir, name)
            if os.path.isdir(final) and not os.path.islink(final):
                raise IsADirectoryError(errno.EISDIR, f"{final} is a folder", final)
        for name in contents:
            final = os.path.join(out_dir, name)
            if _is_stream(final) or os.path.islink(final):   # never put a file in place of a device or a link
                with open(os.path.join(staging, name), "rb") as handle:
                    write_atomic(final, handle.read())
            else:
                os.replace(os.path.join(staging, name), final)
            written.append(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tuple(written)


def remove_leftovers(folder: str) -> None:
    """Remove the temporary files and folders a killed run left in `folder` (only ours, by their prefix)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(TEMPORARY_PREFIX):
            path = os.path.join(folder, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                try:
                    os.unlink(path)
                except OSError:
                    pass


def same_files(outputs: Iterable[str], inputs: Iterable[str]) -> tuple[str, str] | None:
    """The first (output, input) that are one file (by `os.path.samefile`), or None: an output must never
    replace an input."""
    existing = [p for p in inputs if p and p != "-" and os.path.exists(p)]
    for out in outputs:
        if not out or out == "-" or not os.path.exists(out):
            continue
        for inp in existing:
            try:
                if os.path.samefile(out, inp):
                    return out, inp
            except OSError:
                continue
    return None
