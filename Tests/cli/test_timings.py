"""`kretslopp build --timings`: one line per stage with its wall time and CPU time; the search
benchmark reads the index stage from it (Benchmarks/bench.py: stage_seconds)."""
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Benchmarks"))
import bench  # noqa: E402

LINE = re.compile(r"^\s*([\d.]+) ms  \(CPU user\s+([\d.]+) ms, system\s+([\d.]+) ms\)  (\S+)$")


def test_every_stage_has_wall_and_cpu_time(kretslopp, site):
    code, _, err = kretslopp("build", "--timings", cwd=site)
    assert code == 0, err
    lines = [LINE.match(line) for line in err.splitlines() if " ms " in line]
    assert lines and all(lines), err
    stages = [m.group(4) for m in lines]
    assert stages[0] == "LoadContent" and stages[-1] == "WriteOutput"
    assert {"RenderMarkdown", "RenderPages", "IndexForSearch"} <= set(stages)
    index = next(m for m in lines if m.group(4) == "IndexForSearch")
    assert bench.stage_seconds(err, "IndexForSearch") == float(index.group(1)) / 1000
    assert bench.stage_seconds(err, "NoSuchStage") is None
