// `make bench`: latency of warta serve's API on a store (Node's fetch, one
// request at a time). Usage: node scripts/bench-api.mjs http://127.0.0.1:PORT
const base = process.argv[2];
if (!base || !base.startsWith('http')) {
  console.log('api: no server address given; skipped');
  process.exit(0);
}
const paths = [
  '/api/stats', '/api/graph', '/api/actors?q=Indonesia', '/api/actors/1', '/api/relations?source=IDN&target=MYS',
  '/api/events?source=IDN&limit=100', '/api/quotes?limit=100', '/api/stories', '/api/documents/1',
  '/api/search?q=presiden', '/',
];
for (const path of paths) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(base + path);
    const body = await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    bytes = body.byteLength;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  }
  times.sort((a, b) => a - b);
  console.log(`api: ${path.padEnd(40)} median ${times[10].toFixed(1).padStart(7)} ms  p95 ${times[18].toFixed(1).padStart(7)} ms  ${bytes} bytes`);
}
