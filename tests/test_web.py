"""REST API and web UI, in process (ASGI client) and in a real headless browser."""
import shutil
import socket
import subprocess
import threading
import time

import pytest
from fastapi.testclient import TestClient

from storyweave import Engine, Settings
from storyweave.web import create_app


@pytest.fixture
def app(tmp_path, mini_corpus):
    engine = Engine(str(tmp_path / "w.db"), Settings(embedder="hashing"))
    engine.run([str(mini_corpus)])
    yield create_app(engine=engine)
    engine.close()


def test_api_serves_the_same_data_as_the_json_export(app):
    client = TestClient(app)
    listing = client.get("/api/events").json()
    assert listing["total"] == 2
    export = app.state.engine.export()
    for row in listing["events"]:
        full = client.get(f"/api/events/{row['id']}").json()
        assert full == next(e for e in export["events"] if e["id"] == row["id"])
    assert client.get("/api/events", params={"q": "earthquake"}).json()["total"] == 1
    assert client.get("/api/events", params={"lang": "uk"}).json()["total"] == 1
    assert client.get("/api/events/ev-nope").status_code == 404
    art = export["events"][0]["articles"][0]
    assert client.get(f"/api/articles/{art['id']}").json()["event"] == export["events"][0]["id"]


def test_curation_over_http_is_persisted(app):
    client = TestClient(app)
    a, b = [e["id"] for e in client.get("/api/events").json()["events"]]
    assert client.post(f"/api/events/{a}/merge", json={"other": b}).json() == {"events": 1}
    assert client.get("/api/events").json()["total"] == 1
    assert client.post("/api/events/ev-nope/merge", json={"other": a}).status_code == 404


def test_html_pages_render_the_same_events(app):
    client = TestClient(app)
    index = client.get("/index.html")
    assert index.status_code == 200 and "Lavrov and Pompeo meet in Sochi" in index.text
    ev = client.get("/api/events", params={"q": "Sochi"}).json()["events"][0]
    page = client.get(f"/events/{ev['id']}.html").text
    assert "Summary" in page and "Sources" in page
    assert client.get("/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/events/ev-nope.html").status_code == 404


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium")
def test_real_browser_renders_the_event_list(app, tmp_path):
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(50):
            if server.started:
                break
            time.sleep(0.1)
        dom = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'chrome'}", "--dump-dom",
             f"http://127.0.0.1:{port}/"], capture_output=True, text=True, timeout=60).stdout
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert "Lavrov and Pompeo meet in Sochi" in dom and "<table" in dom
