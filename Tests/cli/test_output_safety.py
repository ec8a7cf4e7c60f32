"""A build never loses data: it writes only inside --output, refuses dangerous output folders,
and a build killed at any moment leaves the old or the new complete site."""
import os
import pathlib
import random
import signal
import subprocess
import time


def tree(folder):
    """Every file below folder (hidden marker excluded) -> bytes."""
    result = {}
    for path in sorted(pathlib.Path(folder).rglob("*")):
        if path.is_file() and path.name != ".kretslopp-output":
            result[str(path.relative_to(folder))] = path.read_bytes()
    return result


def test_refuses_output_that_would_replace_the_input(kretslopp, site):
    for output in ["Content", ".", "Themes", "Themes/default"]:
        code, _, err = kretslopp("build", "--output", output, cwd=site)
        assert code == 2, output
        assert "choose another --output" in err
    assert (site / "Content/site.yaml").exists()
    assert (site / "Themes/default/templates/base.mustache").exists()


def test_refuses_a_folder_of_other_files(kretslopp, site):
    other = site / "Dokument"
    other.mkdir()
    (other / "viktigt.txt").write_text("behåll mig")
    code, _, err = kretslopp("build", "--output", "Dokument", cwd=site)
    assert code == 2
    assert "refusing to replace it" in err
    assert (other / "viktigt.txt").read_text() == "behåll mig"


def test_killed_builds_leave_old_or_new_complete_site(kretslopp, site):
    """kill -9 at random moments, repeatedly: Output/ is always one of the two complete builds."""
    page = site / "Content/om.md"
    original = page.read_text(encoding="utf-8")
    variants = {}
    durations = []
    for name, text in [("a", original), ("b", original.replace("Om programmet", "Om programmet (ny version)", 1))]:
        page.write_text(text, encoding="utf-8")
        start = time.monotonic()
        code, _, err = kretslopp("build", "--output", f"ref-{name}", cwd=site)
        durations.append(time.monotonic() - start)
        assert code == 0, err
        variants[name] = tree(site / f"ref-{name}")
    assert variants["a"] != variants["b"]

    rng = random.Random(4)
    current = "a"
    page.write_text(original, encoding="utf-8")
    code, _, _ = kretslopp("build", cwd=site)
    assert code == 0
    kills = 0
    for attempt in range(24):
        target = "b" if current == "a" else "a"
        page.write_text(original if target == "a" else original.replace("Om programmet", "Om programmet (ny version)", 1), encoding="utf-8")
        process = subprocess.Popen([str(kretslopp.binary), "build"], cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill within the time a whole build takes, so that most kills land mid-build however
        # fast the build has become (process start to the final swap).
        time.sleep(rng.uniform(0.0, 0.9 * min(durations)))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        found = tree(site / "Output")
        assert found in (variants["a"], variants["b"]), f"attempt {attempt}: Output/ is neither the old nor the new site"
        current = "a" if found == variants["a"] else "b"
    assert kills >= 5, f"only {kills} of 24 builds were still running when killed (builds took {min(durations):.2f} s)"
    # A later build cleans up what killed builds left behind.
    code, _, _ = kretslopp("build", cwd=site)
    assert code == 0
    assert not [p for p in site.iterdir() if ".staging-" in p.name]
