// Timelines with Chart.js (only the parts used are registered, to keep the bundle small).
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
import { el, QUAD } from './dom.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
Chart.defaults.color = '#444';
Chart.defaults.animation.duration = 250;

function chartBox(label) {
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  const box = el('div', { class: 'chart-box' }, canvas);
  return { box, canvas };
}

/**
 * Events per period by quad class (stacked bars) and the mean Goldstein score (line, right axis).
 * `periods` as in /api/relations. Returns {box, chart}; call chart.destroy() when leaving.
 */
export function relationsChart(periods, title) {
  const { box, canvas } = chartBox(title);
  const labels = periods.map((p) => String(p.period ?? 'undated'));
  const bars = [1, 2, 3, 4].map((q) => ({
    type: 'bar',
    label: QUAD[q].label,
    data: periods.map((p) => Number(p[QUAD[q].key]) || 0),
    backgroundColor: QUAD[q].color,
    stack: 'events',
    yAxisID: 'y',
    order: 2,
  }));
  const line = {
    type: 'line',
    label: 'mean Goldstein',
    data: periods.map((p) => (p.mean_goldstein === null || p.mean_goldstein === undefined ? null : Number(p.mean_goldstein))),
    borderColor: '#1f3b73',
    backgroundColor: '#1f3b73',
    pointRadius: 3,
    borderWidth: 2,
    tension: 0.2,
    spanGaps: true,
    yAxisID: 'g',
    order: 1,
  };
  const chart = new Chart(canvas, {
    data: { labels, datasets: [...bars, line] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            footer: (items) => {
              const p = periods[items[0]?.dataIndex];
              return p ? `events: ${p.events ?? 0}, sources: ${p.sources ?? 0}` : '';
            },
          },
        },
      },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } },
        g: {
          position: 'right',
          min: -10,
          max: 10,
          title: { display: true, text: 'mean Goldstein' },
          grid: { drawOnChartArea: false },
        },
      },
    },
  });
  return { box, chart };
}

/** Mentions and documents per month (bars), as in /api/actors/{id}. */
export function mentionsChart(rows, title) {
  const { box, canvas } = chartBox(title);
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
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
  return { box, chart };
}
