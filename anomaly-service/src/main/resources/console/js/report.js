// The response report page: GET /v1/reports/response for a period, as a table and two SVG charts
// (incidents by outcome, and the time to detect, acknowledge and resolve at p50 and p90), drawn
// like the spike charts: inline SVG, nothing downloaded, no inline script or style.

import { getJson } from "./api.js";
import { el, replace, svg } from "./dom.js";
import { OUTCOMES, label } from "./alerts.js";

const KINDS = [...OUTCOMES, "UNRESOLVED", "UNKNOWN"];
const WIDTH = 640;
const BAR = 18;
const GAP = 10;
const LEFT = 210;
const RIGHT = 70;

export class ReportPage {
  constructor(form, body, error, { onUnauthorized }) {
    this.form = form;
    this.body = body;
    this.error = error;
    this.onUnauthorized = onUnauthorized;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.load();
    });
  }

  /** The period the form names: whole UTC days, the "to" day included; empty: the service's default. */
  period() {
    const from = this.form.elements.from.value;
    const to = this.form.elements.to.value;
    const params = {};
    if (from) params.from = `${from}T00:00:00Z`;
    if (to) params.to = new Date(Date.parse(`${to}T00:00:00Z`) + 86400000).toISOString().replace(".000Z", "Z");
    return params;
  }

  async load() {
    this.error.textContent = "";
    try {
      this.show(await getJson("/v1/reports/response", this.period()));
    } catch (e) {
      if (e.unauthorized) this.onUnauthorized(e);
      else this.error.textContent = `The report could not be loaded: ${e.message}`;
    }
  }

  show(report) {
    const rows = report.rows || [];
    if (!rows.length) {
      replace(this.body, el("p", { class: "empty" }, `No alerts were raised between ${report.from} and ${report.to}.`));
      return;
    }
    replace(
      this.body,
      el("p", { class: "hint" }, `Alerts raised from ${report.from} to ${report.to}. Times in seconds.`),
      el("div", { class: "report-charts" },
        el("figure", { class: "chart" }, el("figcaption", {}, "Incidents by outcome"), outcomeChart(rows), legend()),
        el("figure", { class: "chart" }, el("figcaption", {}, "Time to acknowledge and to resolve (p50 solid, p90 light)"), timeChart(rows))),
      reportTable(rows),
    );
  }
}

function rowName(row) {
  return `${label(row.type)} · ${label(row.severity)}`;
}

function outcomeChart(rows) {
  const height = rows.length * (BAR + GAP) + GAP;
  const most = Math.max(1, ...rows.map((r) => r.incidents));
  const scale = (n) => (n / most) * (WIDTH - LEFT - RIGHT);
  return svg(
    "svg",
    { class: "report-chart outcomes", viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": "Incidents per type and severity, split by outcome" },
    // One flat list of elements: dom.js flattens children one level only.
    rows.flatMap((row, i) => {
      const y = GAP + i * (BAR + GAP);
      let x = LEFT;
      const parts = KINDS.filter((k) => (row.outcomes || {})[k]).map((k) => {
        const w = scale(row.outcomes[k]);
        const part = svg("rect", { class: `seg o-${k.toLowerCase()}`, x: x.toFixed(1), y, width: Math.max(w, 1).toFixed(1), height: BAR },
          svg("title", {}, `${rowName(row)}: ${row.outcomes[k]} ${label(k)}`));
        x += w;
        return part;
      });
      return [
        svg("text", { x: LEFT - 8, y: y + BAR - 4, "text-anchor": "end" }, rowName(row)),
        ...parts,
        svg("text", { x: x + 6, y: y + BAR - 4 }, String(row.incidents)),
      ];
    }),
  );
}

function timeChart(rows) {
  const lines = rows.flatMap((row) => [
    { name: `${rowName(row)} ack`, t: row.timeToAcknowledge },
    { name: `${rowName(row)} resolve`, t: row.timeToResolve },
  ]).filter((l) => l.t && l.t.count > 0);
  if (!lines.length) return el("p", { class: "empty" }, "Nothing acknowledged or resolved yet.");
  const height = lines.length * (BAR + GAP) + GAP;
  const most = Math.max(1, ...lines.map((l) => l.t.p90Seconds || 0));
  const scale = (s) => (s / most) * (WIDTH - LEFT - RIGHT);
  return svg(
    "svg",
    { class: "report-chart times", viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": "Time to acknowledge and to resolve, p50 and p90, per type and severity" },
    lines.flatMap((l, i) => {
      const y = GAP + i * (BAR + GAP);
      return [
        svg("text", { x: LEFT - 8, y: y + BAR - 4, "text-anchor": "end" }, l.name),
        svg("rect", { class: "p90", x: LEFT, y, width: Math.max(scale(l.t.p90Seconds), 1).toFixed(1), height: BAR },
          svg("title", {}, `${l.name}: p90 ${seconds(l.t.p90Seconds)}`)),
        svg("rect", { class: "p50", x: LEFT, y: y + 4, width: Math.max(scale(l.t.p50Seconds), 1).toFixed(1), height: BAR - 8 },
          svg("title", {}, `${l.name}: p50 ${seconds(l.t.p50Seconds)}`)),
        svg("text", { x: LEFT + scale(l.t.p90Seconds) + 6, y: y + BAR - 4 }, seconds(l.t.p90Seconds)),
      ];
    }),
  );
}

function legend() {
  return el("ul", { class: "legend" }, KINDS.map((k) => el("li", { class: `key o-${k.toLowerCase()}` }, label(k))));
}

function seconds(value) {
  if (value === null || value === undefined) return "—";
  if (value < 120) return `${value} s`;
  if (value < 7200) return `${(value / 60).toFixed(1)} min`;
  return `${(value / 3600).toFixed(1)} h`;
}

function pair(t) {
  return t && t.count ? `${seconds(t.p50Seconds)} / ${seconds(t.p90Seconds)}` : "—";
}

function reportTable(rows) {
  const head = ["Type", "Severity", "Incidents", "Outcomes", "Escalated", "Detect (receipt)", "Detect (occurred)", "Acknowledge", "Resolve"];
  return el(
    "table",
    { class: "report-table" },
    el("caption", {}, "p50 / p90 per type and severity"),
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((row) => el(
      "tr",
      { "data-type": row.type, "data-severity": row.severity },
      el("td", {}, label(row.type)),
      el("td", {}, label(row.severity)),
      el("td", { class: "num" }, String(row.incidents)),
      el("td", {}, Object.entries(row.outcomes || {}).map(([k, n]) => `${label(k)} ${n}`).join(", ")),
      el("td", { class: "num" }, String(row.escalated)),
      el("td", {}, pair(row.timeToDetect && row.timeToDetect.fromReceipt)),
      el("td", {}, pair(row.timeToDetect && row.timeToDetect.fromOccurrence)),
      el("td", {}, pair(row.timeToAcknowledge)),
      el("td", {}, pair(row.timeToResolve)),
    ))),
  );
}
