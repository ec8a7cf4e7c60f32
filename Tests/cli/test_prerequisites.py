"""A missing binary or browser fails the test run with a message; it never skips (Tests/prerequisites.py).

Each case runs one real test of the suites in a child pytest with the thing taken away and checks
that the run fails, says what is missing, and skips nothing: `make test` (and CI) then fail too.
"""
import os
import subprocess
import sys

import prerequisites

REPO = prerequisites.REPO


def run_pytest(test: str, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", test],
        cwd=REPO, env={**os.environ, **env}, capture_output=True, text=True, timeout=300,
    )
    result.output = result.stdout + result.stderr
    return result


def test_a_kretslopp_bin_that_names_no_file_fails_instead_of_using_another_binary(tmp_path):
    missing = tmp_path / "kretslopp"
    for test in ("Tests/cli/test_check.py", "Tests/content/test_content.py::test_content_builds_without_warnings"):
        result = run_pytest(test, KRETSLOPP_BIN=str(missing))
        assert result.returncode == 1, result.output
        assert f"KRETSLOPP_BIN={missing} is not an executable file" in result.output, result.output
        assert "skipped" not in result.output, result.output


def test_a_missing_browser_fails_the_browser_tests(tmp_path):
    binary = prerequisites.kretslopp_binary()
    absent = tmp_path / "chromium"
    result = run_pytest("Tests/browser/test_preview.py::test_saving_a_page_reloads_it",
                        KRETSLOPP_BIN=str(binary), KRETSLOPP_CHROMIUM=str(absent))
    assert result.returncode == 1, result.output
    assert f"no {absent}" in result.output and "apt-get install chromium chromium-driver" in result.output, result.output
    assert "1 error" in result.output or "1 failed" in result.output, result.output
    assert "skipped" not in result.output, result.output


def test_a_missing_tool_fails_the_test_that_needs_it(tmp_path):
    # taskset is looked up on PATH; a PATH with only Python on it has none.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    result = run_pytest("Tests/cli/test_determinism.py", PATH=str(bin_dir),
                        KRETSLOPP_BIN=str(prerequisites.kretslopp_binary()))
    assert result.returncode == 1, result.output
    assert "`taskset` is not on PATH" in result.output, result.output
    assert "skipped" not in result.output, result.output
