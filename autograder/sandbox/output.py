"""The worker's printed output, read by the grader without blocking and kept up to a bound."""

from __future__ import annotations

import os
from typing import IO

OUTPUT_KEEP = 256 * 1024  # bytes of student output kept per worker; the rest is counted


class OutputCapture:
    """The worker's stdout+stderr, kept up to a bound and counted beyond it.

    The pipe is non-blocking and pumped from the loop that waits for replies, so the worker
    never blocks on a full pipe while it works, and nothing races: since the worker flushes
    before each reply, one last pump in :meth:`take` collects everything printed so far.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.fd = stream.fileno()
        self._stream = stream
        os.set_blocking(self.fd, False)
        self._pending = bytearray()
        self._kept = 0
        self.dropped = 0  # bytes printed beyond OUTPUT_KEEP
        self._told = 0  # of which the student has been told
        self.closed = False

    def pump(self) -> None:
        while not self.closed:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                self.closed = True
                return
            room = max(0, OUTPUT_KEEP - self._kept)
            self._pending += chunk[:room]
            self._kept += min(room, len(chunk))
            self.dropped += max(0, len(chunk) - room)

    def take(self) -> str:
        """What was printed since the last take, and how much was not kept."""
        self.pump()
        data, self._pending = bytes(self._pending), bytearray()
        text = data.decode("utf-8", errors="replace")
        if self.dropped > self._told:
            cut = self.dropped - self._told
            text += (f"\n… [{cut:,} more bytes of output were not kept: grading keeps the "
                     f"first {OUTPUT_KEEP // 1024} KiB a worker prints]\n")  # fmt: skip
            self._told = self.dropped
        return text
