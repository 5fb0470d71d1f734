#!/usr/bin/env bash
# The browser's tests: node unit tests for the app's logic, then the Chromium suite against a
# real `stepwork serve` (a database of its own in the test cluster named by
# STEPWORK_TEST_DATABASE_URL). Installs Chromium, its driver, Selenium and axe-core when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

node --test Tests/Browser/unit/

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver python3-selenium >/dev/null
fi

# axe-core 4.x: only axe.min.js, out of the PyPI wheel of axe-playwright-python.
AXE=.build/axe/axe.min.js
if [ ! -s "$AXE" ]; then
  mkdir -p .build/axe/wheel
  pip=(python3 -m pip); python3 -m pip --version >/dev/null 2>&1 || pip=(/usr/bin/python3 -m pip)
  "${pip[@]}" download --no-deps --quiet axe-playwright-python -d .build/axe/wheel
  /usr/bin/python3 - "$AXE" .build/axe/wheel/axe_playwright_python-*.whl <<'PY'
import sys, zipfile
target, wheel = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    name = next(n for n in archive.namelist() if n.endswith('/axe.min.js'))
    open(target, 'wb').write(archive.read(name))
PY
fi

STEPWORK_BINARY="${STEPWORK_BINARY:-$(swift build --show-bin-path)/stepwork}" AXE_SCRIPT="$AXE" \
  /usr/bin/python3 Tests/Browser/suite.py
