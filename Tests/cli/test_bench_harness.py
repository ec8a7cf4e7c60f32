"""The benchmark harness measures like for like and refuses wrong outputs (Benchmarks/bench.py).

`make bench` is not part of `make test` (it takes half an hour), but what its figures rest on is:
the build without a search index that the index's cost is measured against, the split of the
bodies for two cmark processes, and the checks that stop a run whose output is incomplete.
"""
import pathlib
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Benchmarks"))
import bench  # noqa: E402

PAGES = 12


def html_files(folder: pathlib.Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


def test_cmark_reads_markdown_with_the_options_kretslopp_reads_it_with(kretslopp, site, tmp_path):
    """The cmark the build is measured against renders with smart punctuation, as Kretslopp does (its
    pages have curly quotes, dashes and ellipses); the run with cmark's default options does not."""
    text = '"Citat" -- och --- sedan... slut.'
    paths = {"cmark_out": tmp_path / "cmark", "bodies": tmp_path / "bodies.md",
             "halves": [tmp_path / "1.md", tmp_path / "2.md"]}
    paths["bodies"].write_text(text + "\n", encoding="utf-8")
    commands = bench.commands(paths, ["cmark", "cmark-default"])
    rendered = {}
    for name in ("cmark", "cmark-default"):
        subprocess.run(commands[name][0], check=True, capture_output=True)
        rendered[name] = (paths["cmark_out"] / "all.html").read_text(encoding="utf-8")
        shutil.rmtree(paths["cmark_out"])
    (site / "Content/om.md").write_text("---\ntitle: Om\n---\n" + text + "\n", encoding="utf-8")
    code, _, err = kretslopp("build", "--output", "built", cwd=site)
    assert code == 0, err
    page = (site / "built/om/index.html").read_text(encoding="utf-8")
    smart = "<p>\u201cCitat\u201d \u2013 och \u2014 sedan\u2026 slut.</p>"
    assert rendered["cmark"].strip() == smart and smart in page
    assert rendered["cmark-default"].strip() == "<p>&quot;Citat&quot; -- och --- sedan... slut.</p>"


def test_a_build_without_the_search_index_differs_only_by_the_index(kretslopp, site):
    code, _, err = kretslopp("build", "--output", "with", cwd=site)
    assert code == 0, err
    code, _, err = kretslopp("build", "--no-search-index", "--output", "without", cwd=site)
    assert code == 0, err
    assert (site / "with/assets/search/engine.js").exists()
    assert not (site / "without/assets/search").exists()
    # The pages are the same bytes: what the index costs is the difference of the two builds.
    assert html_files(site / "with") == html_files(site / "without")
    others = {str(p.relative_to(site / "with")) for p in (site / "with").rglob("*") if p.is_file()}
    # (Each language of the site has its index: assets/search/ and en/assets/search/.)
    assert not (site / "without/en/assets/search").exists()
    assert {p for p in others if "assets/search/" not in p} == \
        {str(p.relative_to(site / "without")) for p in (site / "without").rglob("*") if p.is_file()}


def test_headings_are_counted_outside_fenced_code():
    text = "## A\n\n```\n## not a heading\n```\n\n   ## B\n\n    ## indented code\n~~~\n## no\n~~~\n## C\n### D\n"
    assert bench.count_headings(text) == 3


@pytest.mark.parametrize("style", ["plain", "real"])
def test_every_timed_output_is_checked(kretslopp, tmp_path, style, monkeypatch):
    monkeypatch.setenv("KRETSLOPP_BIN", str(kretslopp.binary))
    paths = bench.prepare(PAGES, tmp_path, style)
    # The two halves for two cmark processes hold every body once.
    assert paths["halves"][0].read_text() + paths["halves"][1].read_text() == paths["bodies"].read_text()
    assert paths["headings"] > PAGES
    names = ["kretslopp", "kretslopp-no-index", "cmark", "cmark-default", "cmark-2", "write-floor"]
    commands = bench.commands(paths, names)
    for name in names:
        command, clean = commands[name]
        for folder in clean:
            shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(command, check=True, capture_output=True)
        assert bench.check_output(name, paths)

    # Each kind of wrong output stops the run.
    shutil.rmtree(next((paths["kretslopp_out"] / "projekt").iterdir()))
    with pytest.raises(bench.BadOutput, match=f"wrote {PAGES - 1} project pages, not {PAGES}"):
        bench.check_output("kretslopp", paths)
    shutil.rmtree(paths["kretslopp_out"])
    shutil.copytree(paths["plain_out"], paths["kretslopp_out"])
    with pytest.raises(bench.BadOutput, match="no search index"):
        bench.check_output("kretslopp", paths)
    (paths["plain_out"] / "assets/search").mkdir(parents=True)
    with pytest.raises(bench.BadOutput, match="no-search-index wrote"):
        bench.check_output("kretslopp-no-index", paths)
    (paths["cmark_out"] / "2.html").write_text("")
    with pytest.raises(bench.BadOutput, match="headings"):
        bench.check_output("cmark-2", paths)
    next(paths["floor_out"].rglob("*.js")).unlink()
    with pytest.raises(bench.BadOutput, match="write-floor wrote"):
        bench.check_output("write-floor", paths)


def test_the_write_floor_writes_the_same_files_and_reports_only_the_writing(kretslopp, site, tmp_path):
    """write-floor is the kernel's share of writing a build's files: the same names and bytes into a
    new folder, its own figures for the writing alone."""
    code, _, err = kretslopp("build", "--output", "built", cwd=site)
    assert code == 0, err
    result = bench.measure_floor([sys.executable, str(bench.ROOT / "Benchmarks/write_floor.py"), str(site / "built"),
                                  str(tmp_path / "again")])
    written = {str(p.relative_to(tmp_path / "again")): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    built = {str(p.relative_to(site / "built")): p.read_bytes() for p in (site / "built").rglob("*") if p.is_file()}
    assert written == built and result["files"] == len(built)
    assert result["bytes"] == sum(len(data) for data in built.values())
    # Its own figures for the writing replace the whole process's (which read the site first too).
    assert result["wall"] > 0 and result["cpu"] >= 0 and result["mem"] == 0
    # A folder that exists is refused, not written into.
    again = subprocess.run([sys.executable, str(bench.ROOT / "Benchmarks/write_floor.py"), str(site / "built"),
                            str(tmp_path / "again")], capture_output=True, text=True)
    assert again.returncode != 0 and "exists" in again.stderr


def test_outputs_set_aside_are_deleted_once_before_the_preview_step(tmp_path, monkeypatch):
    """make bench keeps what its steps set aside (a deletion slows the next step's file creation)
    and deletes it all once the steps that build whole sites are done, before the preview step
    (whose rebuilds the kept outputs' page cache slowed)."""
    makefile = (bench.ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbench:\n", 1)[1].split("\n\n", 1)[0]
    order = [step for step in ("bench.py --styles", "search_bench.py", "--empty-set-aside", "preview_reload.py",
                               "serve_bench.py") if step in recipe]
    assert order == sorted(order, key=recipe.index) and len(order) == 5, recipe
    assert recipe.index("search_bench.py") < recipe.index("--empty-set-aside") < recipe.index("preview_reload.py")
    aside = bench.SetAside(tmp_path)
    output = tmp_path / "kretslopp-out"
    (output / "projekt").mkdir(parents=True)
    (output / "projekt/index.html").write_text("<p>")
    aside.clear(output)
    assert not output.exists() and len(list((tmp_path / "set-aside").iterdir())) == 1
    monkeypatch.setenv("BENCH_KEEP_SET_ASIDE", "1")
    aside.empty()
    assert len(list((tmp_path / "set-aside").iterdir())) == 1
    subprocess.run([sys.executable, str(bench.ROOT / "Benchmarks/bench.py"), "--empty-set-aside", "--work", str(tmp_path)],
                   check=True, capture_output=True)
    assert not (tmp_path / "set-aside").exists()
    # A step run on its own (make bench-search) deletes its own at its end.
    monkeypatch.delenv("BENCH_KEEP_SET_ASIDE")
    aside = bench.SetAside(tmp_path)
    output.mkdir()
    aside.clear(output)
    aside.empty()
    assert not (tmp_path / "set-aside").exists()


def test_the_goals_table_judges_each_figure_against_its_goal():
    """Issue 22's table: a ratio over its goal is 'not met', one under it 'met'; the real style's
    stage CPU times and the per-page scaling are judged the same way."""
    results = {("plain", 10000): {"Kretslopp / Hugo, CPU time": 0.30, "Kretslopp / Hugo, peak memory": 0.50,
                                  "Kretslopp / cmark, CPU time (one cmark process)": 2.5},
               ("real", 10000): {"Kretslopp / Hugo, CPU time": 0.40, "Kretslopp / Hugo, peak memory": 0.20,
                                 "Kretslopp / cmark, CPU time (one cmark process)": 3.5},
               ("real", 1000): {"Kretslopp / Hugo, CPU time": 9.0, "Kretslopp / Hugo, peak memory": 9.0,
                                "Kretslopp / cmark, CPU time (one cmark process)": 9.0}}
    stages = {"real": {"ParseFrontMatter": (600.0, 450.0), "IndexForSearch": (2000.0, 1500.0)}}
    scaling = {1000: (0.002, 0.05), 10000: (0.001, 0.04), 100000: (0.00105, 0.05)}
    rows = [line for line in bench.goals_table(results, stages, scaling, 10000).splitlines() if line.startswith("| ")]
    cells = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows[1:]]
    verdicts = {(row[0], row[1]): row[3] for row in cells}
    assert verdicts[("CPU time / Hugo's CPU time ≤ 0.35×", "plain")] == "met"
    assert verdicts[("CPU time / Hugo's CPU time ≤ 0.35×", "real")] == "**not met**"
    assert verdicts[("peak memory / Hugo's ≤ 0.35×", "plain")] == "**not met**"
    assert verdicts[("CPU time / cmark's CPU time ≤ 3×", "real")] == "**not met**"
    assert verdicts[("ParseFrontMatter ≤ 0.5 CPU-s", "real")] == "met"
    assert verdicts[("IndexForSearch ≤ 1.2 CPU-s", "real")] == "**not met**"
    scaled = [row for row in rows if row.startswith("| per page at 100 000")]
    assert len(scaled) == 1 and scaled[0].endswith("**not met** |")  # memory 1.25x per page
    # A smaller size is reported, not judged: its fixed costs weigh more per page.
    smaller = [row for row in rows if row.startswith("| per page at 1 000")]
    assert len(smaller) == 1 and "reported, not a goal" in smaller[0] and smaller[0].endswith("| – |")
    assert "CPU 2.00×, memory 1.25×" in smaller[0]
    assert not any(row[1] == "real" and row[2] == "9.00×" for row in cells)  # only the size the goals are set at


def test_a_benchmark_rewrites_only_its_own_readme_block(tmp_path):
    import readme_block
    readme = tmp_path / "README.md"
    start, end = readme_block.markers("build", "Benchmarks/bench.py")
    readme.write_text(f"# Title\n\nBefore.\n\n{start}\n\nold figures\n\n{end}\n\nAfter.\n", encoding="utf-8")
    readme_block.replace("build", "Benchmarks/bench.py", "| new | table |\n", readme)
    text = readme.read_text(encoding="utf-8")
    assert "old figures" not in text and "| new | table |" in text
    assert text.startswith("# Title\n\nBefore.\n\n") and text.endswith(f"{end}\n\nAfter.\n")
    # Run twice, the block is replaced, not repeated.
    readme_block.replace("build", "Benchmarks/bench.py", "| newer |", readme)
    assert readme.read_text(encoding="utf-8").count(start) == 1 and "| new | table |" not in readme.read_text()


def test_a_readme_without_the_block_is_an_error_not_a_silent_skip(tmp_path):
    import readme_block
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no block for benchmark 'search'"):
        readme_block.replace("search", "Benchmarks/search_bench.py", "x", readme)
    assert readme.read_text(encoding="utf-8") == "# Title\n"


def test_a_block_whose_name_begins_another_leaves_that_one_alone(tmp_path):
    import readme_block
    readme = tmp_path / "README.md"
    quality = readme_block.markers("search-quality", "Benchmarks/search_quality.py")
    search = readme_block.markers("search", "Benchmarks/search_bench.py")
    readme.write_text(f"{quality[0]}\nquality\n{quality[1]}\n\nBetween.\n\n{search[0]}\nspeed\n{search[1]}\n",
                      encoding="utf-8")
    readme_block.replace("search", "Benchmarks/search_bench.py", "new speed", readme)
    text = readme.read_text(encoding="utf-8")
    assert "quality\n" in text and "Between." in text and "new speed" in text and "\nspeed\n" not in text


WRK_OUTPUT = """Running 20s test @ http://127.0.0.1:8080/projekt/x/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.61ms    1.20ms  40.00ms   90.00%
  Latency Distribution
     50%  850.00us
     75%    3.00ms
     90%    4.00ms
     99%    1.20s
  492000 requests in 20.00s, 9.10GB read
{errors}Requests/sec:  24600.00
Transfer/sec:    465.00MB
"""


def test_the_serve_benchmark_reads_wrk_and_counts_every_error():
    import serve_bench

    clean = serve_bench.parse(WRK_OUTPUT.format(errors=""))
    assert clean == {"rate": 24600.0, "p50": 0.85, "p99": 1200.0, "errors": 0, "requests": 492000}
    failing = serve_bench.parse(WRK_OUTPUT.format(
        errors="  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 5\n"))
    assert failing["errors"] == 10
    with pytest.raises(SystemExit):
        serve_bench.parse("wrk: connection refused\n")
