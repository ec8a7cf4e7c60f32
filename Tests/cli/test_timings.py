"""`kretslopp build --timings`: one line per stage with its wall time and CPU time; the build
benchmark's stage table reads them (Benchmarks/bench.py: STAGE)."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Benchmarks"))
import bench  # noqa: E402

LINE = bench.STAGE


def test_every_stage_has_wall_and_cpu_time(kretslopp, site):
    code, _, err = kretslopp("build", "--timings", cwd=site)
    assert code == 0, err
    lines = [LINE.match(line) for line in err.splitlines() if " ms " in line]
    assert lines and all(lines), err
    stages = [m.group(4) for m in lines]
    assert stages[0] == "LoadContent" and stages[-1] == "WriteOutput"
    assert {"RenderMarkdown", "RenderPages", "IndexForSearch"} <= set(stages)
    # The benchmark finds the same lines in the whole of standard error.
    assert [m.group(4) for m in bench.STAGE.finditer(err)] == stages
