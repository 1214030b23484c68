// Spike charts: the busiest cohorts of a kind on the board, and one cohort's chart in a spike
// alert's detail. Series come from /v1/spikes/{kind}/cohorts/{dimension}/{value}/series.

import { getJson } from "./api.js";
import { el, replace } from "./dom.js";
import { chartLegend, spikeChart } from "./spike-chart.js";

const KINDS = { ATTESTATION_FAILURE_SPIKE: "attestation", REJECTION_SPIKE: "rejection" };
const BOARD_SIZE = 4;

function seriesPath(kind, dimension, value) {
  return `/v1/spikes/${kind}/cohorts/${encodeURIComponent(dimension)}/${encodeURIComponent(value)}/series`;
}

/** The series route of a spike alert: its link when it has one, else built from its cohort. */
function seriesOf(alert) {
  const link = (alert.links || []).find((l) => l.startsWith("/v1/spikes/"));
  if (link) return link;
  const [dimension, ...rest] = String(alert.subject.id).split("=");
  return seriesPath(KINDS[alert.type], dimension, rest.join("="));
}

/** Draws the chart of {@code alert}'s cohort into {@code container}. */
export async function cohortChart(container, alert) {
  replace(container, el("p", { class: "muted" }, "Loading the cohort's windows…"));
  try {
    const series = await getJson(seriesOf(alert));
    replace(container, chartFigure(series));
  } catch (e) {
    replace(container, el("p", { class: "warning" }, `The cohort's windows could not be loaded (${e.message}).`));
  }
}

function chartFigure(series) {
  const cohort = `${series.dimension}=${series.value}`;
  return el(
    "figure",
    { class: "chart" },
    spikeChart({ cohort, points: withEmptyWindows(series) }),
    el(
      "figcaption",
      {},
      el("strong", { class: "mono" }, cohort),
      ` · ${series.kind} · window ${series.window} · next threshold ${series.threshold}`,
      chartLegend(),
    ),
  );
}

// The API lists only windows that had events; a gap is a run of windows with a count of zero.
function withEmptyWindows(series) {
  const step = durationMillis(series.window);
  const points = [];
  for (const w of series.windows || []) {
    const previous = points[points.length - 1];
    if (previous && step) {
      for (let t = Date.parse(previous.end); t < Date.parse(w.start); t += step) {
        points.push({ start: new Date(t).toISOString(), end: new Date(t + step).toISOString(), count: 0 });
      }
    }
    points.push(w);
  }
  return points;
}

/** An ISO-8601 time duration such as PT1H or PT30M in milliseconds; 0 when not one. */
export function durationMillis(text) {
  const m = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text || "");
  if (!m) return 0;
  return ((+(m[1] || 0) * 60 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 1000;
}

/** The board: the cohorts of one kind that spiked or counted most, each with its chart. */
export class SpikeBoard {
  constructor(container, kindSelect) {
    this.container = container;
    this.kindSelect = kindSelect;
    kindSelect.addEventListener("change", () => this.refresh());
  }

  async refresh() {
    const kind = this.kindSelect.value;
    try {
      const answer = await getJson(`/v1/spikes/${kind}/cohorts`);
      const busiest = (answer.cohorts || [])
        .filter((c) => c.latest)
        .sort((a, b) => Number(b.latest.spike) - Number(a.latest.spike) || b.latest.count - a.latest.count)
        .slice(0, BOARD_SIZE);
      if (!busiest.length) {
        replace(this.container, el("p", { class: "empty" }, `No ${kind} cohort has a closed window yet.`));
        return;
      }
      const charts = await Promise.all(busiest.map((c) => getJson(c.series || seriesPath(kind, c.dimension, c.value))));
      replace(this.container, charts.map(chartFigure));
    } catch (e) {
      replace(this.container, el("p", { class: "warning" }, `Spike windows could not be loaded (${e.message}).`));
    }
  }
}
