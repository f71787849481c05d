"""A local static server that answers as GitHub Pages does: the site under its path, its own
404 page, gzip for text, 10 minutes' cache.

Both the site and the default Material baseline are measured through it, so that the byte
counts and Lighthouse scores are those a reader on the published site would see. The path and
the 404 page are served as in the browser audit (tools/browser_audit.py, SiteHandler); this
adds what a real host adds: compression and a cache header.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from browser_audit import SiteHandler  # noqa: E402

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CACHE_CONTROL = "max-age=600"  # GitHub Pages' header


class PagesHandler(SiteHandler):
    extensions_map = {**SiteHandler.extensions_map, ".js": "application/javascript", ".json": "application/json"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404, "Not found")
            return None
        content_type = self.guess_type(str(path))
        body = path.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(COMPRESSED_TYPES)
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object SimpleHTTPRequestHandler copies to the socket."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class PagesServer:
    """`with PagesServer(folder, "/medvirkning/") as url:` serves the folder below that path on
    a free loopback port; url is the site's address."""

    def __init__(self, folder: Path, prefix: str = "/"):
        handler = functools.partial(PagesHandler, directory=os.fspath(folder), prefix=prefix)
        self.prefix = prefix
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}{self.prefix}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
