"""`newsgraph serve` and `newsgraph report` as a user runs them."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_loopback_until_stopped(cli_db):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli.main", "serve", "--db", str(cli_db),
                               "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert health["documents"] == 2 and health["writable"] is False
        quotes = httpx.get(f"http://127.0.0.1:{port}/api/quotes", params={"speaker": "Soltanova"}).json()
        assert quotes["total"] >= 2
        assert "<html" in httpx.get(f"http://127.0.0.1:{port}/").text.lower()
        urls = [f"http://127.0.0.1:{port}/api/{path}" for path in
                ("quotes", "people", "documents", "events", "search?q=ferry", "summary") * 8]
        with ThreadPoolExecutor(max_workers=16) as pool:  # many requests at once share the connection pool
            codes = list(pool.map(lambda url: httpx.get(url, timeout=30).status_code, urls))
        assert codes == [200] * len(urls)
        for garbage in (b"NOT HTTP AT ALL\r\n\r\n", b"GET /api/quotes?limit=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                        b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", b"\x00\xff" * 100):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
                raw.sendall(garbage)
                reply = raw.recv(100)
            assert not reply.startswith(b"HTTP/1.1 5"), (garbage[:40], reply)
        assert httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200  # and it is still up
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err


def test_serve_on_a_busy_port_fails_in_one_line(run_cli, cli_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        code, _, err = run_cli("serve", "--db", cli_db, "--port", busy.getsockname()[1])
    assert code == 2 and err.strip().count("\n") == 0 and "E024" in err


def test_serve_without_a_database_fails_in_one_line(run_cli, tmp_path):
    code, _, err = run_cli("serve", "--db", tmp_path / "missing.db")
    assert code == 2 and "E001" in err


def test_report_writes_one_file(run_cli, cli_db, tmp_path):
    out = tmp_path / "r.html"
    code, _, err = run_cli("report", "--db", cli_db, "--out", out)
    assert code == 0 and out.is_file() and "2 documents" in err
    assert "NEWSGRAPH_SNAPSHOT" in out.read_text(encoding="utf-8")
