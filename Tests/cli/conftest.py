"""Fixtures for command-line tests: the kretslopp binary and small content folders."""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def kretslopp():
    """Runs the kretslopp binary; returns (exit code, stdout, stderr)."""
    candidates = [os.environ.get("KRETSLOPP_BIN"), ROOT / ".build/release/kretslopp", ROOT / ".build/debug/kretslopp"]
    binary = next((pathlib.Path(c) for c in candidates if c and pathlib.Path(c).exists()), None)
    if binary is None:
        pytest.skip("no kretslopp binary; run `swift build` first")

    def run(*args, cwd=None, timeout=300):
        p = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout)
        return p.returncode, p.stdout, p.stderr

    run.binary = binary
    return run


@pytest.fixture
def site(tmp_path):
    """A copy of the real Content/ and the default theme in a temporary folder."""
    shutil.copytree(ROOT / "Content", tmp_path / "Content")
    shutil.copytree(ROOT / "Themes", tmp_path / "Themes")
    return tmp_path
