// `make bench`: latency of warta serve's API on a store (Node's fetch, one
// request at a time). Usage: node scripts/bench-api.mjs http://127.0.0.1:PORT
const base = process.argv[2];
if (!base || !base.startsWith('http')) {
  console.log('api: no server address given; skipped');
  process.exit(0);
}
// Every endpoint of docs/api.md, with the parameters the dashboard sends, unfiltered and with
// each filter (the store's largest outlet for `outlet`).
const top = await (await fetch(`${base}/api/outlets?limit=1`)).json();
const outlet = encodeURIComponent(top.items && top.items.length ? top.items[0].outlet : 'none');
const paths = [
  '/api/stats', '/api/stats?lang=id', '/api/stats?from=2024-01-01&to=2024-06-30', `/api/stats?outlet=${outlet}`,
  '/api/outlets', '/api/outlets?lang=en',
  '/api/graph', '/api/graph?limit=50&isolates=0', '/api/graph?from=2024-01-01&to=2024-06-30', `/api/graph?outlet=${outlet}`,
  '/api/map', '/api/map?actor=IDN', '/api/map?actor=IDN&lang=en',
  '/api/actors', '/api/actors?limit=10&offset=0', '/api/actors?q=Indonesia', '/api/actors?from=2024-01-01&to=2024-06-30',
  '/api/actors?lang=en', `/api/actors?outlet=${outlet}`, '/api/actors/1',
  '/api/relations?source=IDN&target=USA', '/api/relations?source=IDN&target=MYS&by=week',
  '/api/series?actor=IDN&by=week', '/api/series?actor=USA&by=month&lang=en',
  '/api/events?source=IDN&limit=100', '/api/events?from=2024-01-01&to=2024-01-31&limit=100', `/api/events?outlet=${outlet}&limit=100`,
  '/api/quotes?limit=100', '/api/quotes?speaker=Prabowo&limit=100', '/api/quotes?q=ekonomi&limit=100',
  '/api/quotes?lang=id&from=2024-01-01&limit=100',
  '/api/stories', '/api/stories?limit=5', `/api/stories?outlet=${outlet}`, '/api/stories?from=2024-01-01&to=2024-01-31',
  '/api/stories/1', '/api/stories/1/documents', '/api/topics', '/api/topics/1', '/api/documents/1',
  '/api/search?q=presiden', '/api/search?q=%22harga%20beras%22', '/api/search?q=COVID-19&lang=id', '/api/codes',
  '/api/events?limit=10000&format=csv', '/',
];
for (const path of paths) {
  const times = [];
  let bytes = 0;
  // 20 runs; a request slower than a second runs 3 times (a large store's scans would
  // otherwise take the benchmark minutes each).
  for (let i = 0; i < 20 && !(i >= 3 && times[0] > 1000); i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(base + path);
    const body = await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    bytes = body.byteLength;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)], p95 = times[Math.ceil(times.length * 0.95) - 1];
  const runs = times.length < 20 ? `  (${times.length} runs)` : '';
  console.log(`api: ${path.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  ${bytes} bytes${runs}`);
}
