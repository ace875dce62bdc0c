"""Progress for long runs: a tqdm bar (rate, ETA) on a terminal, plain log lines otherwise."""
from __future__ import annotations

import logging
import sys
import time

__all__ = ["Progress", "QuietProgress"]

log = logging.getLogger("storyweave")


class Progress:
    def __init__(self, desc: str, total: int | None = None, unit: str = "items",
                 stream=None, every_s: float = 10.0):
        self.desc, self.total, self.unit = desc, total, unit
        self.stream = stream or sys.stderr
        self.n, self.t0, self.last = 0, time.monotonic(), time.monotonic()
        self.every_s = every_s
        self._bar = None
        if self.stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit=f" {unit}", file=self.stream,
                             dynamic_ncols=True, leave=False)

    def update(self, n: int = 1) -> None:
        self.n += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if now - self.last >= self.every_s:
            self.last = now
            rate = self.n / max(now - self.t0, 1e-9)
            eta = f", ETA {((self.total - self.n) / rate):.0f}s" if self.total and rate else ""
            of = f"/{self.total}" if self.total else ""
            log.info("%s: %d%s %s (%.1f %s/s%s)", self.desc, self.n, of, self.unit, rate,
                     self.unit, eta)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class QuietProgress(Progress):
    def __init__(self, *args, **kwargs):
        self.n = 0
        self._bar = None

    def update(self, n: int = 1) -> None:
        self.n += n

    def close(self) -> None:
        pass
