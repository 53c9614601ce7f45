"""What the loopback stand-ins share: a threaded HTTP server on a free port."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional


class StandInHandler(BaseHTTPRequestHandler):
    """Quiet handler with helpers to answer JSON or bytes and to read the body."""

    standin: Any = None

    def log_message(self, *args: Any) -> None:
        pass

    def send(self, status: int, body: Any, content_type: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))


class StandIn:
    """Runs a handler class on a free loopback port in a background thread."""

    handler: type = StandInHandler

    def __init__(self) -> None:
        self.fail_with: Optional[int] = None
        handler = type("Handler", (self.handler,), {"standin": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
