"""Where results are written, without ever destroying an input or a good report.

* :func:`check_overlap` refuses, before anything is read or written, an output that is
  one of the inputs, lies inside an input directory (a walk would read its own
  reports back), or is a directory holding an input (a report would overwrite it) —
  with or without ``--force``. Paths are compared by device and inode as well as by
  resolved name, so symbolic and hard links do not slip through.
* :class:`AtomicOutput` writes a file through a temporary sibling that replaces the
  target only when the run completes: a crash, a full disk or Ctrl-C leaves the old
  file (or nothing) in place, never half a report. A stream of records (JSONL) may
  instead be *kept* when interrupted: its temporary file holds complete lines only,
  and it is moved into place so a long run's finished records are not lost.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from spinscope.errors import OutputOverlapError

__all__ = ["AtomicOutput", "check_overlap", "write_atomic"]


@dataclass(frozen=True)
class _Place:
    path: Path
    ident: tuple[int, int] | None  # (st_dev, st_ino) when it exists

    @classmethod
    def of(cls, path: Path) -> _Place:
        resolved = path.resolve(strict=False)
        try:
            st = resolved.stat()
        except OSError:
            return cls(resolved, None)
        return cls(resolved, (st.st_dev, st.st_ino))

    def same(self, other: _Place) -> bool:
        return self.path == other.path or (self.ident is not None and self.ident == other.ident)

    def inside(self, directory: _Place) -> bool:
        """True if this path is ``directory`` or lies below it."""
        if self.same(directory):
            return True
        if self.path.is_relative_to(directory.path):
            return True
        # Compare the parents by identity too: a link to the directory is the directory.
        for parent in self.path.parents:
            if directory.ident is not None and _Place.of(parent).same(directory):
                return True
        return False


def check_overlap(inputs: Iterable[str | os.PathLike[str]], output: Path | None) -> None:
    """Refuse an output that overlaps an input; ``"-"`` (stdin/stdout) never overlaps.

    Raises:
        OutputOverlapError: the output is an input, inside an input directory, or a
            directory containing an input.
    """
    if output is None or str(output) == "-":
        return
    out = _Place.of(Path(output))
    for item in inputs:
        if str(item) == "-":
            continue
        src = _Place.of(Path(item))
        shown = os.fsdecode(item)
        if src.same(out):
            raise OutputOverlapError(
                f"the output {output} is the input {shown}: writing it would destroy the input"
            )
        if _is_dir(src.path) and out.inside(src):
            raise OutputOverlapError(
                f"the output {output} lies inside the input directory {shown}: "
                "write it somewhere else"
            )
        if _is_dir(out.path) and src.inside(out):
            raise OutputOverlapError(
                f"the input {shown} lies inside the output directory {output}: "
                "reports could overwrite it; write them somewhere else"
            )


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # cannot be examined: ingest reports it as that input's error
        return False


class AtomicOutput:
    """A text file written through a temporary sibling, renamed into place by
    :meth:`commit`; :meth:`discard` removes the temporary file and keeps the target.

    The file is opened on first write, so a run that writes nothing leaves nothing.

    Args:
        path: the target file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: Path | None = None
        self._file: IO[str] | None = None

    def _open(self) -> IO[str]:
        if self._file is None:
            fd, name = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
            self._tmp = Path(name)
            self._file = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._file

    @property
    def opened(self) -> bool:
        return self._file is not None

    def write(self, text: str) -> None:
        try:
            self._open().write(text)
        except OSError as exc:
            raise _named(exc, self.path) from exc

    def flush(self) -> None:
        if self._file is not None:
            try:
                self._file.flush()
            except OSError as exc:
                raise _named(exc, self.path) from exc

    def commit(self) -> None:
        """Move the finished file into place (``os.replace``: atomic on one file system)."""
        if self._file is None or self._tmp is None:
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            with contextlib.suppress(OSError):  # keep the usual permissions, not mkstemp's 0600
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self._tmp, 0o666 & ~umask)
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise _named(exc, self.path) from exc
        self._file = None
        self._tmp = None

    def discard(self) -> None:
        """Drop what was written; the target is left as it was."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._tmp.unlink()
        self._file = None
        self._tmp = None


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once or not at all."""
    out = AtomicOutput(path)
    try:
        out.write(text)
        out.commit()
    except BaseException:
        out.discard()
        raise


def _named(exc: OSError, path: Path) -> OSError:
    """The same error, naming the file (a full disk says which report it hit)."""
    if exc.filename is None:
        return type(exc)(exc.errno, exc.strerror or str(exc), str(path))
    return exc
