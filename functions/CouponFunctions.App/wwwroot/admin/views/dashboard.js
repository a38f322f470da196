// Performance: claims and uses per day, redemption rate per group, the diagnosis quadrant, each with its table as CSV.
// Charts use chart.js (pinned in package.json, served from vendor/ by this app; no CDN).
import { api, download } from '../api.js';
import { h, flash, formatNumber, formatPercent, formatMoney } from '../ui.js';

const DIAGNOSIS = {
  healthy: ['Healthy', '#1f8a4c'],
  needsExposure: ['Good discount, too little exposure', '#2b6cb0'],
  thresholdTooHigh: ['Threshold too high or product unattractive', '#b7791f'],
  considerEnding: ['Consider ending it', '#c53030'],
};

const GROUPS = ['store', 'platform', 'site', 'campaign'];

export async function render(root, { query, isCurrent }) {
  const groupBy = GROUPS.includes(query.get('groupBy')) ? query.get('groupBy') : 'store';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const params = new URLSearchParams({ groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const [Chart, daily, diagnosis] = await Promise.all([loadChart(), api(`/performance/daily?${params}`), api('/performance/diagnosis')]);
  if (!isCurrent()) return;
  root.append(
    controls(groupBy, daily),
    seriesCard(Chart, daily, params),
    rateCard(Chart, daily, params),
    quadrantCard(Chart, diagnosis));
}

// chart.js's UMD build as a classic script from this origin (the page's CSP allows only 'self' scripts).
function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return new Promise((resolve, reject) => {
    const script = h('script', { src: 'vendor/chart.umd.min.js' });
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => reject(new Error('The chart library did not load.')));
    document.head.append(script);
  });
}

function controls(groupBy, daily) {
  const form = h('form', { class: 'card toolbar', id: 'dashboard-filters' },
    h('div', {}, h('label', { for: 'dash-from' }, 'From'), h('input', { id: 'dash-from', name: 'from', type: 'date', value: daily.from })),
    h('div', {}, h('label', { for: 'dash-to' }, 'To'), h('input', { id: 'dash-to', name: 'to', type: 'date', value: daily.to })),
    h('div', {}, h('label', { for: 'dash-group' }, 'Group by'),
      h('select', { id: 'dash-group', name: 'groupBy' }, GROUPS.map(g => h('option', { value: g, selected: g === groupBy }, g)))),
    h('button', { type: 'submit', class: 'primary' }, 'Show'),
    h('p', { class: 'muted small' }, `Money in ${daily.currency}.`,
      daily.missingRates.length ? h('span', { class: 'text-bad', id: 'missing-rates' }, ` No exchange rate for ${daily.missingRates.join(', ')}: set one in the reporting settings.`) : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/dashboard?${new URLSearchParams(new FormData(form))}`;
  });
  return form;
}

function csvButton(path, name) {
  return h('button', { type: 'button', class: 'csv', onclick: async () => {
    try { await download(path, name); } catch (error) { flash(error.message); }
  } }, 'Download CSV');
}

function chartCanvas(id, label) {
  return h('div', { class: 'chart-box' }, h('canvas', { id, role: 'img', 'aria-label': label }));
}

function seriesCard(Chart, daily, params) {
  // The days with figures in any group, and each figure summed over the groups.
  const recorded = daily.dates.map((_, i) => daily.series.some(s => s.claims[i] !== null));
  const days = daily.dates.filter((_, i) => recorded[i]);
  const sum = field => daily.dates.flatMap((_, i) => recorded[i] ? [daily.series.reduce((n, s) => n + (s[field][i] ?? 0), 0)] : []);
  const card = h('section', { class: 'card', id: 'series-card' },
    h('div', { class: 'title-row' }, h('h2', {}, 'Claims and uses per day'), csvButton(`/performance/daily?${params}&format=csv`, 'performance.csv')),
    days.length ? chartCanvas('series-chart', 'Claims and uses per day') : h('p', { class: 'empty' }, 'No claims or uses recorded in this period yet.'));
  if (days.length) {
    new Chart(card.querySelector('canvas'), {
      type: 'line',
      data: { labels: days, datasets: [
        { label: 'Claims', data: sum('claims'), borderColor: '#2b6cb0', backgroundColor: '#2b6cb0' },
        { label: 'Uses', data: sum('uses'), borderColor: '#e4572e', backgroundColor: '#e4572e' },
      ] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
  }
  return card;
}

function rateCard(Chart, daily, params) {
  const rows = daily.summary;
  const card = h('section', { class: 'card', id: 'rate-card' },
    h('div', { class: 'title-row' }, h('h2', {}, `Redemption rate by ${daily.groupBy}`),
      csvButton(`/performance/daily?${params}&format=csv&table=summary`, `performance-by-${daily.groupBy}.csv`)),
    rows.length ? chartCanvas('rate-chart', `Redemption rate by ${daily.groupBy}`) : null,
    h('div', { class: 'table-scroll' }, h('table', { class: 'data compact', id: 'rate-table' },
      h('thead', {}, h('tr', {}, [daily.groupBy, 'Claims', 'Uses', 'Redemption', `Discount given`, 'Min order value'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
      h('tbody', {}, rows.map(r => h('tr', { dataset: { key: r.key } },
        h('td', {}, r.label), h('td', { class: 'num' }, formatNumber(r.claims)), h('td', { class: 'num' }, formatNumber(r.uses)),
        h('td', { class: 'num' }, formatPercent(r.redemptionRate)), h('td', { class: 'num' }, formatMoney(r.discountGiven, daily.currency)),
        h('td', { class: 'num' }, formatMoney(r.minOrderValue, daily.currency))))))));
  if (rows.length) {
    new Chart(card.querySelector('canvas'), {
      type: 'bar',
      data: { labels: rows.map(r => r.label), datasets: [{ label: 'Uses per claim', data: rows.map(r => r.redemptionRate ?? 0), backgroundColor: '#2b6cb0' }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { format: { style: 'percent' } } } } },
    });
  }
  return card;
}

function quadrantCard(Chart, diagnosis) {
  const card = h('section', { class: 'card', id: 'quadrant-card' },
    h('div', { class: 'title-row' }, h('h2', {}, 'Diagnosis of running coupons'), csvButton('/performance/diagnosis?format=csv', 'diagnosis.csv')),
    h('p', { class: 'muted small' },
      `Few claims: under ${formatPercent(diagnosis.thresholds.lowClaimRate)} of the quantity claimed. Few uses: under ${formatPercent(diagnosis.thresholds.lowUseRate)} of claims used.`,
      diagnosis.total > diagnosis.coupons.length ? ` The chart shows the ${diagnosis.coupons.length} to act on first of ${formatNumber(diagnosis.total)}; the CSV has them all.` : '',
      diagnosis.withoutQuantity ? ` ${diagnosis.withoutQuantity} running coupon(s) without a quantity or a claim count (Shopee reports uses only) are left out.` : ''),
    h('ul', { class: 'tiles', id: 'diagnosis-counts' }, Object.entries(DIAGNOSIS).map(([key, [label]]) =>
      h('li', { class: 'tile', dataset: { diagnosis: key } }, h('span', { class: 'tile-value' }, formatNumber(diagnosis.counts[key] ?? 0)), h('span', { class: 'tile-label' }, label)))),
    diagnosis.coupons.length ? null : h('p', { class: 'muted', id: 'quadrant-empty' }, 'No running coupon with both a quantity and a claim count to place yet.'),
    chartCanvas('quadrant-chart', 'Claim rate against use rate per coupon'));
  // The thresholds split the chart into the four quadrants; drawn even before any coupon can be placed.
  const split = (points) => ({ label: 'threshold', data: points, showLine: true, pointRadius: 0, borderColor: '#677085', borderDash: [4, 4] });
  const { lowClaimRate: x, lowUseRate: y } = diagnosis.thresholds;
  new Chart(card.querySelector('canvas'), {
    type: 'scatter',
    data: { datasets: [
      ...Object.entries(DIAGNOSIS).map(([key, [label, color]]) => ({
        label, backgroundColor: color,
        data: diagnosis.coupons.filter(c => c.diagnosis === key).map(c => ({ x: c.claimRate, y: c.useRate, name: `${c.name} (${c.storeName})` })),
      })),
      split([{ x, y: 0 }, { x, y: 1 }]), split([{ x: 0, y }, { x: 1, y }]),
    ] },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: { x: { min: 0, max: 1, title: { display: true, text: 'claimed / quantity' } }, y: { min: 0, max: 1, title: { display: true, text: 'used / claimed' } } },
      plugins: {
        legend: { labels: { filter: (item) => item.text !== 'threshold' } },
        tooltip: { callbacks: { label: (item) => item.raw.name ?? 'threshold' } },
      },
    },
  });
  return card;
}
