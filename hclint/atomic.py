"""The one way hclint writes a user's file: a temporary file beside it, then a rename over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data. A kill at any moment leaves either the old file or the new one."""
    if path.exists() and not path.is_file():
        # A device or a pipe (`--output /dev/null`, /dev/stdout) is written to: replacing it would
        # put a plain file where /dev/null was, for every program on the machine.
        with path.open("wb") as stream:
            stream.write(data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".hclint-tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
