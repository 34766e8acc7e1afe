#!/usr/bin/env bash
# The dashboard end to end against web/dev/mock-server.mjs (CTest): the strict checks that need
# data a real store may not have (a name with U+202E highlighted in an article, a 3000-character
# actor name, outlets, spikes) run here on the mock's invented data; tests/e2e_dashboard.sh runs
# the same test against `warta serve`. Exit 77 (skipped) without Chromium.
# Usage: e2e_dashboard_mock.sh DASHBOARD_HTML WEB_BUILD_DIR (where npm installed playwright-core)
set -euo pipefail
html=$1
web=$2
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "e2e (mock): ${CHROMIUM:-/usr/bin/chromium} not found (apt-get install chromium): skipped"
  exit 77
fi
# The mock serves dist/index.html beside dev/: the bundle the build embeds in warta.
mkdir -p "$web/dist"
cp "$html" "$web/dist/index.html"
cd "$web"
node test/e2e.mjs
