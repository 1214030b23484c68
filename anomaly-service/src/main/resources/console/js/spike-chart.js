// A cohort's per-window counts as bars, its learned baseline as a line and the alert threshold as
// a dashed line, drawn as inline SVG: nothing to download, and it scales with the page.

import { el, formatTime, svg } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 34, left: 40 };

/**
 * {@code series}: {cohort, points: [{start, end, count, baseline, threshold, spike}]} in window
 * order, as GET /v1/spikes/{kind}/cohorts/{dimension}/{value}/series lists them.
 */
export function spikeChart(series) {
  const points = series.points;
  const top = niceMax(Math.max(1, ...points.flatMap((p) => [p.count, p.baseline ?? 0, p.threshold ?? 0])));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(points.length, 1);
  const x = (i) => PAD.left + i * step;
  const y = (v) => PAD.top + plotH - (v / top) * plotH;
  const spikes = points.filter(isSpike).length;

  return svg(
    "svg",
    {
      class: "spike-chart",
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: "img",
      "aria-label":
        `${series.cohort}: ${points.length} windows, ${spikes} spiked, ` +
        `latest count ${points.length ? points[points.length - 1].count : 0}`,
    },
    svg("title", {}, `Windowed counts for ${series.cohort}`),
    grid(top, y),
    points.map((p, i) =>
      svg(
        "rect",
        {
          class: isSpike(p) ? "bar spike" : "bar",
          x: (x(i) + step * 0.15).toFixed(1),
          y: y(p.count).toFixed(1),
          width: Math.max(step * 0.7, 1).toFixed(1),
          height: Math.max(y(0) - y(p.count), 0).toFixed(1),
        },
        svg("title", {}, `${formatTime(p.start)}: ${p.count} (baseline ${round(p.baseline)}, threshold ${round(p.threshold)})`),
      ),
    ),
    line(points, "baseline", x, y, step),
    line(points, "threshold", x, y, step),
    axisLabels(points, x, step),
  );
}

// The service says which windows spiked; a filled-in empty window never does.
function isSpike(p) {
  return p.spike === true;
}

function grid(top, y) {
  const ticks = [0, top / 2, top];
  return ticks.map((v) =>
    svg(
      "g",
      { class: "tick" },
      svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v) }),
      svg("text", { x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end" }, round(v)),
    ),
  );
}

function line(points, field, x, y, step) {
  const known = points.map((p, i) => [i, p[field]]).filter(([, v]) => v !== null && v !== undefined);
  if (!known.length) return null;
  const path = known.map(([i, v], n) => `${n ? "L" : "M"}${(x(i) + step / 2).toFixed(1)},${y(v).toFixed(1)}`);
  return svg("path", { class: `line ${field}`, d: path.join(" ") });
}

function axisLabels(points, x, step) {
  if (!points.length) return null;
  const last = points.length - 1;
  const base = HEIGHT - PAD.bottom + 18;
  return [
    svg("text", { class: "axis", x: x(0), y: base }, axisTime(points[0].start)),
    svg("text", { class: "axis", x: x(last) + step, y: base, "text-anchor": "end" }, axisTime(points[last].end || points[last].start)),
  ];
}

/** "11-21 04:00" (UTC): short enough for a small chart; bars' titles carry the full time. */
function axisTime(value) {
  return formatTime(value).slice(5, 16);
}

/** A round upper bound for the y axis: 1, 2, 5 × 10^n. */
function niceMax(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
}

function round(value) {
  if (value === null || value === undefined) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The chart's legend, as HTML so it stays readable at any chart size. */
export function chartLegend() {
  return el(
    "ul",
    { class: "legend" },
    el("li", { class: "key-count" }, "count per window"),
    el("li", { class: "key-spike" }, "window that spiked"),
    el("li", { class: "key-baseline" }, "baseline (EWMA)"),
    el("li", { class: "key-threshold" }, "threshold (smallest count that alerts)"),
  );
}
