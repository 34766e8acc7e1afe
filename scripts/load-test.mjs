// A bounded loopback load test of `warta serve` (docs/benchmarks.md, "Server under load").
//
//   node scripts/load-test.mjs http://127.0.0.1:PORT [--seconds 10] [--clients 1,10,100,500]
//                              [--paths /api/stats,/api/graph] [--idle 24] [--burst 200]
//
// For each path and each number of clients: that many keep-alive clients
// (Node's http.Agent, one socket each) send requests back to back for
// --seconds; requests/s, latency percentiles and errors are printed. Every
// request has a 30 s timeout, so a run always ends.
// --idle N: N connections that made one request and stay open, silent, plus N
// that connect and never send a byte; then the time of one GET /api/stats.
// --burst N: N new connections at once, one request each (Connection: close).
// Both are printed before the steady runs. Node is single-threaded: past about
// 100 clients the client shares the CPU with the server (2 cores), so the
// figures are those of the pair, as measured.
import http from 'node:http';
import net from 'node:net';

const args = process.argv.slice(2);
const base = args.find((a) => a.startsWith('http'));
if (!base) {
  console.error('usage: node scripts/load-test.mjs http://127.0.0.1:PORT [--seconds S] [--clients 1,10] [--paths P,Q] [--idle N] [--burst N]');
  process.exit(2);
}
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const seconds = Number(option('--seconds', '10'));
const clientCounts = option('--clients', '1,10,100,500').split(',').filter(Boolean).map(Number);
const paths = option('--paths', '/api/stats,/api/graph').split(',').filter(Boolean);
const idle = Number(option('--idle', '0'));
const burst = Number(option('--burst', '0'));
const url = new URL(base);
const host = url.hostname;
const port = Number(url.port);
const kTimeoutMs = 30000;

function request(agent, path, headers = {}) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.get({ host, port, path, agent, headers, timeout: kTimeoutMs }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({ status: res.statusCode, bytes, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
      res.on('error', (e) => resolve({ error: e.code || e.message, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ error: e.code || e.message, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
  });
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(1) : '-').padStart(8);

async function steady(path, clients) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients, maxFreeSockets: clients });
  const times = [];
  const errors = new Map();
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  const loop = async () => {
    while (Date.now() < end) {
      const r = await request(agent, path);
      if (r.error || r.status !== 200) {
        const key = r.error || `HTTP ${r.status}`;
        errors.set(key, (errors.get(key) || 0) + 1);
      } else {
        times.push(r.ms);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  times.sort((a, b) => a - b);
  const errorText = [...errors].map(([k, v]) => `${k}×${v}`).join(' ') || '0';
  console.log(
    `load: ${path.padEnd(14)} ${String(clients).padStart(4)} clients ${(times.length / elapsed).toFixed(0).padStart(7)} req/s` +
      `  p50 ${fmt(percentile(times, 50))} ms  p99 ${fmt(percentile(times, 99))} ms  max ${fmt(times[times.length - 1])} ms` +
      `  ok ${times.length}  errors ${errorText}`,
  );
}

// Opens a socket; with `send`, makes one request on it and waits for the answer, then stays silent.
function idleSocket(send) {
  return new Promise((resolve) => {
    const s = net.connect(port, host, () => {
      if (!send) return resolve(s);
      s.write('GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n');
      s.once('data', () => resolve(s));
    });
    s.on('error', () => resolve(s));
  });
}

async function starvation(n) {
  const sockets = [];
  for (let i = 0; i < n; i++) sockets.push(await idleSocket(true));
  for (let i = 0; i < n; i++) sockets.push(await idleSocket(false));
  const r = await request(false, '/api/stats');
  console.log(`idle: ${n} idle keep-alive + ${n} silent connections: GET /api/stats took ${r.ms.toFixed(0)} ms (${r.error || 'HTTP ' + r.status})`);
  for (const s of sockets) s.destroy();
}

async function burstOf(n) {
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    Array.from({ length: n }, () => request(false, '/api/stats', { Connection: 'close' })),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  const ok = results.filter((r) => r.status === 200);
  const errors = new Map();
  for (const r of results) if (r.status !== 200) errors.set(r.error || `HTTP ${r.status}`, (errors.get(r.error || `HTTP ${r.status}`) || 0) + 1);
  const times = ok.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `burst: ${n} new connections at once: ${ok.length} answered in ${elapsed.toFixed(0)} ms` +
      ` (p50 ${percentile(times, 50)?.toFixed(0)} ms, max ${times[times.length - 1]?.toFixed(0)} ms), errors ${[...errors].map(([k, v]) => `${k}×${v}`).join(' ') || '0'}`,
  );
}

if (idle > 0) await starvation(idle);
if (burst > 0) await burstOf(burst);
for (const path of paths) for (const clients of clientCounts) await steady(path, clients);
