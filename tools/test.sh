#!/usr/bin/env bash
# Run the whole domei test suite. Installs what the tests need when it is missing:
# biber, bibtex (TeX Live), jing, xmllint, python3 and pip via apt-get; pandas via pip.
# A test that needs one of these tools fails when the tool is absent; it never skips.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

need_apt=()
command -v biber   >/dev/null || need_apt+=(biber)
command -v bibtex  >/dev/null || need_apt+=(texlive-binaries texlive-base)
kpsewhich plain.bst >/dev/null 2>&1 || need_apt+=(texlive-base)
kpsewhich biblatex.sty >/dev/null 2>&1 || need_apt+=(texlive-bibtex-extra)
command -v jing    >/dev/null || need_apt+=(jing)
command -v xmllint >/dev/null || need_apt+=(libxml2-utils)
command -v python3 >/dev/null || need_apt+=(python3)
if ! python3 -c 'import pandas' 2>/dev/null && ! python3 -m pip --version >/dev/null 2>&1; then
  need_apt+=(python3-pip)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "tools/test.sh: installing ${need_apt[*]}" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
if ! python3 -c 'import csv, pandas' 2>/dev/null; then
  echo "tools/test.sh: installing pandas" >&2
  python3 -m pip install -q pandas 2>/dev/null || python3 -m pip install -q --break-system-packages pandas
fi

cargo test --workspace "$@"
