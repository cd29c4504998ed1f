"""Worker processes, as the loader and the rule engine start them: forked with Ctrl-C and
SIGTERM held, each then choosing its own dispositions, and stopped at once with the check.

Ctrl-C reaches every process of the terminal's group: the main process alone stops the check
(and its workers), so a worker never prints a traceback of its own. A forked worker starts with
the check's own signal handlers; a signal reaching it before `start_worker` replaced them would
raise inside multiprocessing's bootstrap, so the signals are held (blocked) across the forks:
such a signal waits, in the main process until the forks are done, in a worker until it has
chosen its dispositions. Imports no stage.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
MOST_WORKERS = 8


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may give it fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextlib.contextmanager
def stop_signals_held() -> Iterator[None]:
    """Around the calls that fork workers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def start_worker() -> None:
    """First thing in a worker: the main process alone obeys Ctrl-C, SIGTERM ends the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, a worker is killed when the check that started it exits, however it exits."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass


def stop_at_once(executor: ProcessPoolExecutor) -> None:
    """Cancel what is queued and kill the workers: shutting down politely would first let every
    worker finish what it holds (tens of seconds on a large corpus)."""
    workers = list((getattr(executor, "_processes", None) or {}).values())  # CPython keeps them here
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join(timeout=2)
