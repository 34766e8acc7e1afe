// Charts with Chart.js (only the parts used are registered, to keep the bundle small). Every
// period the API sends is drawn, empty ones too: the API fills the gaps, and nothing is dropped
// here (the axis may skip some labels when there is no room, never a bar).
import {
  Chart,
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
} from 'chart.js';
import { el, QUAD, fmtNumber } from './dom.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
Chart.defaults.color = '#444';
Chart.defaults.animation.duration = 250;

function chartBox(label, cls = '') {
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  const box = el('div', { class: `chart-box ${cls}` }, canvas);
  return { box, canvas };
}

const xAxis = (n) => ({
  stacked: true,
  grid: { display: false },
  // Every period is a bar; the labels thin out only when they cannot all fit.
  ticks: { autoSkip: n > 40, maxRotation: 60, minRotation: 0 },
});

const isSpike = (p) => p.spike === true || p.spike === 1;

/** The bars: events by quad class (stacked), or one bar of all events when `total`. */
function eventBars(periods, total) {
  if (total) {
    return [{
      type: 'bar', label: 'events', data: periods.map((p) => Number(p.events) || 0), backgroundColor: '#5b7fb9', stack: 'events', yAxisID: 'y', order: 3,
    }];
  }
  return [1, 2, 3, 4].map((q) => ({
    type: 'bar',
    label: QUAD[q].label,
    data: periods.map((p) => Number(p[QUAD[q].key]) || 0),
    backgroundColor: QUAD[q].color,
    stack: 'events',
    yAxisID: 'y',
    order: 3,
  }));
}

/** A triangle above the bar of every spike period. */
function spikeMarks(periods) {
  return {
    type: 'line',
    label: 'spike',
    data: periods.map((p) => (isSpike(p) ? Number(p.events) || 0 : null)),
    showLine: false,
    pointStyle: 'triangle',
    rotation: 180,
    pointRadius: 8,
    pointHoverRadius: 10,
    borderColor: '#b00020',
    backgroundColor: '#e53935',
    stack: 'spike',
    yAxisID: 'y',
    order: 1,
  };
}

/** The mean Goldstein score per period, on the right axis. */
function goldsteinLine(periods) {
  return {
    type: 'line',
    label: 'mean Goldstein',
    data: periods.map((p) => (p.mean_goldstein === null || p.mean_goldstein === undefined ? null : Number(p.mean_goldstein))),
    borderColor: '#1f3b73',
    backgroundColor: '#1f3b73',
    pointRadius: periods.length > 60 ? 0 : 2.5,
    borderWidth: 2,
    tension: 0.2,
    spanGaps: true,
    stack: 'goldstein',
    yAxisID: 'g',
    order: 2,
  };
}

/** The tooltip: a spike's marker says so; the footer gives the period's events and sources. */
function seriesTooltip(periods) {
  return {
    filter: (item) => item.dataset.label !== 'spike' || item.raw !== null,
    callbacks: {
      label: (item) => (item.dataset.label === 'spike' ? 'spike: this period stands out' : `${item.dataset.label}: ${item.formattedValue}`),
      footer: (items) => {
        const p = periods[items[0]?.dataIndex];
        if (!p) return '';
        return `events: ${fmtNumber(p.events ?? 0)}${p.sources !== undefined ? `, sources: ${fmtNumber(p.sources)}` : ''}`;
      },
    },
  };
}

function seriesScales(periods) {
  const maxEvents = Math.max(1, ...periods.map((p) => Number(p.events) || 0));
  return {
    x: xAxis(periods.length),
    // Room above the tallest bar for its spike marker.
    y: { stacked: true, beginAtZero: true, suggestedMax: Math.ceil(maxEvents * 1.12), title: { display: true, text: 'events' }, ticks: { precision: 0 } },
    g: {
      position: 'right',
      min: -10,
      max: 10,
      title: { display: true, text: 'mean Goldstein' },
      grid: { drawOnChartArea: false },
    },
  };
}

/**
 * Events per period (stacked bars by quad class, or the total) and the mean Goldstein score (line,
 * right axis), with the `spike` periods marked by a triangle above their bar. `periods` as in
 * /api/series and /api/relations. opts.total: one bar of all events. Returns {box, chart, spikes}.
 */
export function seriesChart(periods, title, { total = false } = {}) {
  const { box, canvas } = chartBox(title, 'series-chart');
  const labels = periods.map((p) => String(p.period ?? 'undated'));
  const spikes = periods.filter(isSpike);
  const chart = new Chart(canvas, {
    data: { labels, datasets: [...eventBars(periods, total), goldsteinLine(periods), spikeMarks(periods)] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: seriesTooltip(periods),
      },
      scales: seriesScales(periods),
    },
  });
  box.dataset.periods = String(periods.length);
  box.dataset.spikes = String(spikes.length);
  return { box, chart, spikes };
}

/** The spike periods as a line of chips under a chart. */
export function spikeList(spikes, by) {
  if (!spikes.length) return el('p', { class: 'spike-list muted' }, `No ${by || 'period'} stands out (no spike).`);
  return el('p', { class: 'spike-list' },
    el('span', { class: 'spike-mark', 'aria-hidden': 'true' }, '▼'), ' Spikes (periods well above the usual level): ',
    spikes.map((p) => el('span', { class: 'chip spike', title: `${fmtNumber(p.events)} events` }, `${p.period} (${fmtNumber(p.events)})`)));
}

/** Mentions and documents per month (bars), as in /api/actors/{id}. */
export function mentionsChart(rows, title) {
  const { box, canvas } = chartBox(title, 'mentions-chart');
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => String(r.period ?? 'undated')),
      datasets: [
        { label: 'mentions', data: rows.map((r) => Number(r.mentions) || 0), backgroundColor: '#5b7fb9' },
        { label: 'documents', data: rows.map((r) => Number(r.documents) || 0), backgroundColor: '#c9d6ea' },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { ...xAxis(rows.length), stacked: false },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
  box.dataset.periods = String(rows.length);
  return { box, chart };
}

/** A story's (or topic's) volume: documents per day or week (bars) and outlets (line). */
export function timelineChart(rows, title, unit = 'day') {
  const { box, canvas } = chartBox(title, 'timeline-chart');
  const labels = rows.map((r) => String(r.day ?? r.period ?? 'undated'));
  const chart = new Chart(canvas, {
    data: {
      labels,
      datasets: [
        { type: 'bar', label: 'documents', data: rows.map((r) => Number(r.documents) || 0), backgroundColor: '#5b7fb9', order: 2 },
        {
          type: 'line', label: 'outlets', data: rows.map((r) => Number(r.outlets) || 0), borderColor: '#e07b00', backgroundColor: '#e07b00',
          pointRadius: rows.length > 60 ? 0 : 3, borderWidth: 2, tension: 0, order: 1,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { ...xAxis(rows.length), stacked: false },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: `per ${unit}` } },
      },
    },
  });
  box.dataset.periods = String(rows.length);
  return { box, chart };
}
