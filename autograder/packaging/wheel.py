"""Build the framework's wheel directly from the source tree, reproducibly and offline.

A wheel is a zip of the package plus a ``.dist-info`` folder (METADATA, WHEEL,
entry_points.txt, RECORD). Writing it here avoids a build backend (and the network it may
want) and gives the same bytes for the same sources.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from pathlib import Path

from autograder.packaging.archive import DeterministicZip

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKAGE = "autograder"


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def build_wheel(project: Path, out_dir: Path) -> Path:
    """Write ``cnngrade-<version>-py3-none-any.whl`` into ``out_dir``; return its path."""
    meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = meta["name"], meta["version"]
    dist_info = f"{name}-{version}.dist-info"
    archive = DeterministicZip()
    files: dict[str, bytes] = {}
    package_dir = project / PACKAGE
    for path in sorted(package_dir.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo"):
            continue
        files[path.relative_to(project).as_posix()] = path.read_bytes()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {meta.get('description', '')}",
        f"Requires-Python: {meta.get('requires-python', '>=3.10')}",
        *(f"Requires-Dist: {req}" for req in meta.get("dependencies", [])),
    ]
    files[f"{dist_info}/METADATA"] = ("\n".join(lines) + "\n").encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: cnngrade\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    scripts = meta.get("scripts", {})
    if scripts:
        body = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in sorted(scripts.items()))
        files[f"{dist_info}/entry_points.txt"] = body.encode()
    record = "".join(f"{n},{_record_hash(d)},{len(d)}\n" for n, d in sorted(files.items()))
    files[f"{dist_info}/RECORD"] = (record + f"{dist_info}/RECORD,,\n").encode()
    for entry, data in files.items():
        archive.add_bytes(entry, data)
    return archive.write(out_dir / f"{name}-{version}-py3-none-any.whl")
