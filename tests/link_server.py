"""A real HTTP server on 127.0.0.1 with one endpoint per answer the link checker must handle.

It records every request (method, path, time), the most requests it had in flight at once, and
whether a large body was ever sent whole, so tests assert what the checker did on the wire.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Longer than any name can be (253 characters), so getaddrinfo fails at once without asking a DNS
# server: a name that does not resolve, and no test touches the network.
UNRESOLVABLE = ".".join(["a" * 60] * 5) + ".invalid"
BIG_BODY = 8 * 1024 * 1024  # far more than socket buffers hold: sent whole only if read whole


@dataclass
class Log:
    requests: list[tuple[str, str, float]] = field(default_factory=list)  # (method, path, time)
    in_flight: int = 0
    most_in_flight: int = 0
    bodies_sent_whole: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def methods(self, path: str) -> list[str]:
        return [method for method, p, _ in self.requests if p == path]

    def times(self, path: str | None = None) -> list[float]:
        return [t for _, p, t in self.requests if path is None or p == path]

    def count(self) -> Counter:
        return Counter(p for _, p, _ in self.requests)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    server: "LinkServer"

    def log_message(self, *args: object) -> None:  # quiet test output
        pass

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_GET(self) -> None:
        self._serve("GET")

    def _serve(self, method: str) -> None:
        log = self.server.log
        with log.lock:
            log.requests.append((method, self.path, time.monotonic()))
            seen = sum(1 for m, p, _ in log.requests if p == self.path)
        self._answer(method, seen)

    def _hold(self) -> None:
        """Keep the request in flight a while. It leaves the count before the answer is sent, so a
        client that starts its next request on receiving the answer is never counted twice."""
        log = self.server.log
        with log.lock:
            log.in_flight += 1
            log.most_in_flight = max(log.most_in_flight, log.in_flight)
        time.sleep(0.15)
        with log.lock:
            log.in_flight -= 1

    def _answer(self, method: str, seen: int) -> None:
        path = self.path.split("?", 1)[0]
        if path in ("/ok", "/refund-policy", "/pricing") or path.startswith("/page/"):
            self._send(200)
        elif path.startswith("/held/"):
            self._hold()
            self._send(200)
        elif path in ("/moved", "/pricing-2024"):
            self._send(301, location="/ok" if path == "/moved" else "/pricing")
        elif path == "/moved-308":
            self._send(308, location=f"http://{self.headers['Host']}/ok")
        elif path == "/moved-twice":
            self._send(301, location="/moved-308")
        elif path == "/temporary":
            self._send(302, location="/ok")
        elif path == "/loop-a":
            self._send(301, location="/loop-b")
        elif path == "/loop-b":
            self._send(301, location="/loop-a")
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            self._send(302, location=f"/chain/{left - 1}") if left else self._send(200)
        elif path in ("/missing", "/old-refund-policy"):
            self._send(404)
        elif path == "/gone":
            self._send(410)
        elif path == "/busy":
            self._send(429, retry_after="0")
        elif path == "/busy-once":
            self._send(429, retry_after="1") if seen == 1 else self._send(200)
        elif path == "/busy-for-an-hour":
            self._send(429, retry_after="3600")
        elif path == "/unavailable-once":
            self._send(503) if seen == 1 else self._send(200)
        elif path == "/unavailable":
            self._send(503)
        elif path == "/error":
            self._send(500)
        elif path == "/forbidden":
            self._send(403)
        elif path == "/slow":
            time.sleep(3)
            self._send(200)
        elif path == "/no-head":
            if method == "HEAD":
                self._send(405)
            else:
                self._send_big_body()
        elif path == "/reset":
            self._reset()
        else:
            self._send(404)

    def _send(self, status: int, location: str | None = None, retry_after: str | None = None) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        if retry_after is not None:
            self.send_header("Retry-After", retry_after)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send_big_body(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(BIG_BODY))
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(BIG_BODY // len(chunk)):
                self.wfile.write(chunk)
            self.wfile.flush()
        except OSError:
            self.close_connection = True
            return  # the client hung up before the end: what a headers-only checker does
        with self.server.log.lock:
            self.server.log.bodies_sent_whole += 1

    def _reset(self) -> None:
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True
    log: Log

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a reset or abandoned connection is what several endpoints are for

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


@contextmanager
def serve(host: str = "127.0.0.1", log: Log | None = None) -> Iterator[LinkServer]:
    """Serve on host (any 127.x.y.z is loopback on Linux); servers given one log share their counts."""
    server = LinkServer((host, 0), Handler)
    server.log = log or Log()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
