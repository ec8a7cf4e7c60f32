"""Fixtures for command-line tests: the kretslopp binary and small content folders."""
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
import prerequisites  # noqa: E402


@pytest.fixture(scope="session")
def kretslopp():
    """Runs the kretslopp binary; returns (exit code, stdout, stderr). A missing binary (or a
    KRETSLOPP_BIN that names none) fails the tests that use it."""
    binary = prerequisites.kretslopp_binary()

    def run(*args, cwd=None, timeout=300):
        p = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout)
        return p.returncode, p.stdout, p.stderr

    run.binary = binary
    return run


@pytest.fixture
def site(tmp_path):
    """A copy of the real Content/ and the default theme in a temporary folder. Translations are
    optional in the copy: tests add Swedish pages of their own without English ones."""
    shutil.copytree(ROOT / "Content", tmp_path / "Content")
    shutil.copytree(ROOT / "Themes", tmp_path / "Themes")
    settings = tmp_path / "Content/site.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "\ntranslations: required\n" in text
    settings.write_text(text.replace("\ntranslations: required\n", "\n"), encoding="utf-8")
    return tmp_path
