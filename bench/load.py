"""Concurrency under gunicorn on 127.0.0.1: a page's single-request time and its requests per second at a few
connections, for a bounded time each.

The load generator is wrk (Debian package `wrk`, `scripts/ensure-system-packages bench`) when installed, else a
small threaded Python client; both send only to the gunicorn started here, stop after `seconds`, and the server is
stopped at the end.
"""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


@dataclass
class Concurrency:
    """W sync workers serve at most W / t1 requests a second; efficiency is how much of that the load gets."""

    key: str
    t1_ms: float  # median of sequential requests, one at a time
    rps: float  # at `connections` concurrent connections
    workers: int
    connections: int
    errors: int

    @property
    def ideal_rps(self) -> float:
        return self.workers / (self.t1_ms / 1000) if self.t1_ms else 0.0

    @property
    def efficiency(self) -> float:
        return self.rps / self.ideal_rps if self.ideal_rps else 0.0


def single_request_ms(port: int, path: str, session: str, *, runs: int) -> tuple[float, int]:
    """(median ms, responses other than 200) of `runs` requests one after the other on one client connection
    (reopened when the sync worker closes it, as a browser would)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    times, errors = [], 0
    try:
        for _ in range(runs):
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            times.append((time.perf_counter() - started) * 1000)
            errors += response.status != 200
    finally:
        connection.close()
    return statistics.median(times), errors


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(workers: int) -> Iterator[int]:
    """A gunicorn on a free loopback port with the bench settings; yields the port, stops it afterwards."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.bench_settings"}
    command = [str(Path(sys.executable).with_name("gunicorn")), "config.wsgi:application"]
    command += ["--bind", f"{HOST}:{port}", "--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                status, _body = fetch(port, "/bench/ok/", "")
                if status in (200, 302):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start within 30 s")
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def fetch(port: int, path: str, session: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": f"sessionid={session}"} if session else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def requests_per_second(port: int, path: str, session: str, *, seconds: int, connections: int) -> tuple[float, int]:
    """(requests per second, responses other than 200) over `seconds`."""
    if shutil.which("wrk"):
        return _wrk(port, path, session, seconds=seconds, connections=connections)
    return _python(port, path, session, seconds=seconds, connections=connections)


def _wrk(port, path, session, *, seconds, connections) -> tuple[float, int]:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["-H", f"Cookie: sessionid={session}", f"http://{HOST}:{port}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, int(errors.group(1)) if errors else 0


def _python(port, path, session, *, seconds, connections) -> tuple[float, int]:
    done, errors, lock = [0], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            status, _body = fetch(port, path, session)
            with lock:
                done[0] += 1
                errors[0] += status != 200

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / (time.monotonic() - started), errors[0]


def generator_name() -> str:
    return "wrk" if shutil.which("wrk") else "Python threads"
