"""`kretslopp check`: exit codes, JSON output, --strict and --external, as a publisher uses them."""
import http.server
import json
import threading

import pytest


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_clean_content_exits_zero(kretslopp, site):
    code, out, err = kretslopp("check", cwd=site)
    assert code == 0, err
    assert "No problems found" in out


def test_errors_exit_one_with_positions_and_nothing_written(kretslopp, site):
    write(site / "Content/projekt/trasig.md", "---\ntitle: Trasig\ntags: [cirkular]\n---\n")
    code, out, err = kretslopp("check", cwd=site)
    assert code == 1
    assert "Content/projekt/trasig.md:3:8: error: unknown term 'cirkular' in 'tags'; did you mean 'cirkulär'?" in err
    assert not (site / "Output").exists()


def test_json_format(kretslopp, site):
    write(site / "Content/projekt/trasig.md", "---\ntitle: Trasig\ntags: [cirkulär]\n---\n")
    code, out, _ = kretslopp("check", "--format", "json", cwd=site)
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["errors"] == len([d for d in report["diagnostics"] if d["severity"] == "error"]) >= 1
    first = report["diagnostics"][0]
    assert set(first) >= {"severity", "file", "line", "column", "message"}
    assert first["file"] == "Content/projekt/trasig.md"


def test_strict_turns_warnings_into_errors(kretslopp, site):
    write(site / "Content/data/oanvand.csv", "a,b\n1,2\n")
    code, _, err = kretslopp("check", cwd=site)
    assert code == 0
    assert "warning: data file 'oanvand' is not used" in err
    code, _, err = kretslopp("check", "--strict", cwd=site)
    assert code == 1
    assert "--strict" in err


def test_strict_fails_on_dropped_raw_html(kretslopp, site):
    write(site / "Content/rahtml.md", "---\ntitle: Rå HTML\n---\nText med <b>fet</b> stil <!-- och en kommentar -->.\n")
    code, _, err = kretslopp("check", cwd=site)
    assert code == 0, err
    assert ("Content/rahtml.md:4:10: warning: 2 pieces of raw HTML are dropped (first here); "
            "set markdown.unsafeHTML: true to keep them, or write Markdown instead") in err
    assert err.count("raw HTML") == 1
    code, _, err = kretslopp("check", "--strict", cwd=site)
    assert code == 1
    assert "raw HTML are dropped" in err and "--strict" in err


def test_could_not_run_exits_two(kretslopp, tmp_path):
    code, _, err = kretslopp("check", "--content", tmp_path / "finns-inte", cwd=tmp_path)
    assert code == 2
    assert "content folder not found" in err


class Links(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/get-only") else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def link_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Links)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_external_links_are_checked_only_when_asked(kretslopp, site, link_server):
    page = site / "Content/om.md"
    text = page.read_text(encoding="utf-8")
    write(page, text + f"\n\n[ok]({link_server}/ok) [head refused]({link_server}/no-head) [borta]({link_server}/borta)\n")
    code, _, err = kretslopp("check", cwd=site)
    assert code == 0 and "external link" not in err

    code, out, _ = kretslopp("check", "--external", "--format", "json", cwd=site)
    report = json.loads(out)
    assert report["externalLinksChecked"] == 3
    problems = [d["message"] for d in report["external"]]
    assert problems == [f"external link {link_server}/borta: HTTP 404"]
    assert code == 0  # external problems are warnings
    code, _, _ = kretslopp("check", "--external", "--strict", cwd=site)
    assert code == 1
