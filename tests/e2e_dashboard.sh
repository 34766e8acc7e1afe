#!/usr/bin/env bash
# The dashboard end to end (CTest): a store built from the bundled examples and
# a hostile article, `warta serve` on a free loopback port, and web/test/e2e.mjs
# driving Debian's Chromium headless against it. Exit 77 (skipped) without Chromium.
# Usage: e2e_dashboard.sh WARTA_BINARY WEB_BUILD_DIR (where npm installed playwright-core)
set -euo pipefail
warta=$1
web=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "e2e: ${CHROMIUM:-/usr/bin/chromium} not found (apt-get install chromium): skipped"
  exit 77
fi
tmp=$(mktemp -d)
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
# An article whose title and body are hostile HTML: the dashboard must show it as text.
cat > "$tmp/hostile.jsonl" <<'JSON'
{"id":"hostile-1","url":"https://evil.example/1","published":"2025-11-05","title":"<script>alert(1)</script> Judul berbahaya","text":"Teks ini memuat <img src=x onerror=alert(1)> dan <script>alert(2)</script> di tengah kalimat. Indonesia bertemu Malaysia di Jakarta untuk membahas perbatasan."}
JSON
# Right-to-left overrides in a title and a name, and a 3000-character word: no reversed text
# around them, no page wider than the window.
long=$(printf 'A%.0s' $(seq 3000))
printf '{"id":"hostile-2","url":"https://evil.example/2","published":"2025-11-06","title":"Kabar bidiuji \u202eterbalik\u202c dari Jakarta","text":"Menteri Luar Negeri \u202eRetno Marsudi\u202c bertemu Menteri Luar Negeri Malaysia di Jakarta. Kata bidiuji menandai berita ini."}\n' >> "$tmp/hostile.jsonl"
printf '{"id":"hostile-3","url":"https://evil.example/3","published":"2025-11-07","title":"Judul panjanguji %s","text":"Nama %s muncul di sini bersama kata panjanguji. Indonesia bertemu Malaysia di Jakarta."}\n' "$long" "$long" >> "$tmp/hostile.jsonl"
"$warta" ingest --quiet --db "$tmp/e2e.db" "$root"/examples/*.txt "$root"/examples/quotes/*.txt \
  "$root"/examples/records.jsonl "$tmp/hostile.jsonl" 2>/dev/null || true
"$warta" serve --db "$tmp/e2e.db" --port 0 > "$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  grep -q "http://" "$tmp/serve.log" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$tmp/serve.log" | head -1)
[ -n "$url" ] || { echo "e2e: the server did not start:"; cat "$tmp/serve.log"; exit 1; }
cd "$web"
WARTA_URL="$url" node test/e2e.mjs
