"""CSV files as a reader sees them in a table, checked against Python's `csv` module on random
input: quotes, separators and line breaks inside fields, CRLF, a BOM, `;` and tab as separators
(found in the header or named with `avgränsare=`), unicode; and broken files fail at their line."""
import csv
import html.parser
import io
import json
import random

SEPARATORS = {",": ",", ";": ";", "\t": "tab"}
PIECES = ["a", "Kommun", "Å", "ö", "e\u0301", "😀", "€", "12,5", "−3", "1 234", " ", "  x ", ",", ";", "\t",
          '"', '""', "\n", "\r\n", "<b>", "&amp;", "'", "\u00a0"]


def random_field(rng):
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))


def write_csv(rng, rows, sep, line_end, quote_all_separators):
    """Writes rows as a spreadsheet program would: fields quoted where they must be, some more."""
    special = set(SEPARATORS) if quote_all_separators else {sep}
    out = []
    for row in rows:
        fields = []
        for field in row:
            needs = any(c in field for c in special | {'"', "\r", "\n"}) or (len(row) == 1 and field == "")
            if needs or rng.random() < 0.2:
                field = '"' + field.replace('"', '""') + '"'
            fields.append(field)
        out.append(sep.join(fields))
    text = line_end.join(out)
    return text + line_end if rng.random() < 0.8 else text


class Tables(html.parser.HTMLParser):
    """Every <table>'s cells as text, a list of rows per table."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.tables[-1][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_tables_match_pythons_csv_reader(kretslopp, site):
    rng = random.Random(4180)
    blocks, expected = [], []
    for i in range(150):
        sep = rng.choice(list(SEPARATORS))
        named = rng.random() < 0.5
        columns = rng.randint(1, 6)
        header = [f"k{c}" + random_field(rng) for c in range(columns)]
        body = [[random_field(rng) for _ in range(columns)] for _ in range(rng.randint(1, 8))]
        # Without a name the separator is found in the header, so other separators there are quoted.
        text = write_csv(rng, [header] + body, sep, rng.choice(["\r\n", "\n"]), quote_all_separators=not named)
        bom = "\ufeff" if rng.random() < 0.3 else ""
        (site / f"Content/data/slump{i}.csv").write_bytes((bom + text).encode("utf-8"))
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True) if r != []]
        expected.append(rows)
        argument = f" avgränsare={SEPARATORS[sep]}" if named else ""
        blocks.append(f"```tabell data=slump{i}{argument}\n```\n")
    (site / "Content/slump.md").write_text("---\ntitle: Slump\n---\n" + "\n".join(blocks), encoding="utf-8")

    code, out, err = kretslopp("build", "--output", "Output", cwd=site)
    assert code == 0, err
    parser = Tables()
    parser.feed((site / "Output/slump/index.html").read_bytes().decode("utf-8"))
    assert len(parser.tables) == len(expected)
    for i, (got, want) in enumerate(zip(parser.tables, expected)):
        assert got == want, f"slump{i}.csv: {(site / f'Content/data/slump{i}.csv').read_bytes()!r}"


def position(text, offset):
    """Line and column (in characters) of text[offset], lines ending at CRLF, LF or CR."""
    line, column, i = 1, 1, 0
    while i < offset:
        if text[i] == "\r" and text[i + 1:i + 2] == "\n":
            i += 1
        if text[i] in "\r\n":
            line, column = line + 1, 1
        else:
            column += 1
        i += 1
    return line, column


def row_start(text, line_end, sep, r):
    """Offset where the row named rad<r> starts (its name may be quoted)."""
    for name in (f"rad{r}{sep}", f'"rad{r}"{sep}'):
        at = text.find(line_end + name)
        if at != -1:
            return at + len(line_end)
    raise AssertionError(f"no row rad{r}")


def test_broken_files_fail_at_their_line(kretslopp, site):
    rng = random.Random(2026)
    expected = []
    for i in range(60):
        sep = rng.choice([",", ";", "\t"])
        line_end = rng.choice(["\r\n", "\n"])
        count = rng.randint(2, 6)
        rows = [["Namn", "Värde", "Not"]] + [[f"rad{r}", str(r), random_field(rng)] for r in range(1, count + 1)]
        text = write_csv(rng, rows, sep, line_end, quote_all_separators=True)
        if not text.endswith(line_end):
            text += line_end
        # Breaks one row; rows before it may span several lines.
        target = rng.randint(1, count)
        start = row_start(text, line_end, sep, target)
        end = (row_start(text, line_end, sep, target + 1) if target < count else len(text)) - len(line_end)
        quoted = text[start] == '"'
        kind = rng.choice(["quote", "extra", "unclosed"])
        if kind == "quote" and quoted:
            offset = start + len(f'"rad{target}"')
            broken = text[:offset] + "x" + text[offset:]
            message = "text after the closing quote of a field"
        elif kind == "quote":
            offset = start + len(f"rad{target}")
            broken = text[:offset] + '"' + text[offset:]
            message = "quote inside a field that does not start with a quote"
        elif kind == "extra":
            broken = text[:end] + sep + "x" + text[end:]
            offset = end + 1
            message = "row has 4 fields but the header has 3"
        else:
            # An opening quote whose field runs to the end of the file.
            offset = start
            broken = text[:start] + '"' + text[start:].replace('"', "")
            message = "quoted field is never closed"
        line, column = position(broken, offset)
        (site / f"Content/data/trasig{i}.csv").write_bytes(broken.encode("utf-8"))
        expected.append(f"Content/data/trasig{i}.csv:{line}:{column}: error: {message}")

    code, out, err = kretslopp("check", "--format", "json", cwd=site)
    assert code == 1
    report = json.loads(out)
    found = [f"{d['file']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}"
             for d in report["diagnostics"] if d["file"].startswith("Content/data/trasig") and d["severity"] == "error"]
    for i, line in enumerate(expected):
        mine = [d for d in found if d.startswith(f"Content/data/trasig{i}.csv:")]
        # The break is the file's one problem: nothing before it is reported, and nothing made up after.
        assert mine == [line], (line, (site / f"Content/data/trasig{i}.csv").read_bytes())
