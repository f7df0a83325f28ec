"""Deterministic zip writing: same inputs, same bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


class DeterministicZip:
    """Entries sorted by name, fixed timestamps and permissions, fixed compression."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[bytes, int]] = {}

    def add_bytes(self, name: str, data: bytes, mode: int = 0o644) -> None:
        if name in self.entries:
            raise ValueError(f"duplicate entry {name}")
        self.entries[name] = (data, mode)

    def add_file(self, name: str, path: Path, mode: int | None = None) -> None:
        executable = path.stat().st_mode & 0o111
        self.add_bytes(name, path.read_bytes(), mode or (0o755 if executable else 0o644))

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w") as archive:
            for name in sorted(self.entries):
                data, mode = self.entries[name]
                info = zipfile.ZipInfo(name, date_time=EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (0o100000 | mode) << 16  # a regular file with this mode
                info.create_system = 3  # Unix, so the mode is honoured when unpacking
                archive.writestr(info, data, compresslevel=9)
        return path
