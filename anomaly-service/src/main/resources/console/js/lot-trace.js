// The lot trace: every device built with a lot (at any depth), where it is now, who holds it. Rows
// show as the streamed answer arrives; counts by status and site sit on top; filters narrow the
// table; the rows shown export as CSV or JSON, the whole lot as EPCIS.

import { getText } from "./api.js";
import { el, onSearch, formatTime, replace } from "./dom.js";
import { short } from "./custody-history.js";
import { streamTrace } from "./trace-stream.js";
import { offer, toCsv } from "./trace-export.js";

// The table shows at most this many rows; counts and exports cover every matching device.
const SHOWN = 500;
const FILTERS = {
  status: (d) => d.status || "",
  site: (d) => d.site || "",
  customer: (d) => d.customer || "",
  firmware: (d) => (d.firmware && d.firmware.version) || "",
};

export class LotTraceView {
  constructor(root, { onSerial, onUnauthorized, onCampaign }) {
    this.root = root;
    this.onSerial = onSerial;
    this.onUnauthorized = onUnauthorized;
    this.form = root.querySelector("#trace-form");
    this.filters = root.querySelector("#trace-filters");
    this.body = root.querySelector("#trace-table tbody");
    this.devices = [];
    this.lot = "";
    this.loading = null;
    this.timer = null;
    onSearch(this.form, "lot", (value) => this.search(value));
    this.filters.addEventListener("change", () => this.render());
    this.filters.addEventListener("submit", (e) => e.preventDefault());
    root.querySelector("#trace-export-csv").addEventListener("click", () => this.exportRows("csv"));
    root.querySelector("#trace-export-json").addEventListener("click", () => this.exportRows("json"));
    root.querySelector("#trace-export-epcis").addEventListener("click", () => this.exportEpcis());
    root.querySelector("#trace-campaign").addEventListener("click", () => onCampaign(this.lot));
  }

  /** Traces {@code lot}, showing rows as they arrive; a search in progress is abandoned. */
  async search(lot) {
    if (!lot) return;
    if (this.loading) this.loading.abort();
    const loading = new AbortController();
    this.loading = loading;
    this.lot = lot;
    this.devices = [];
    this.form.elements.lot.value = lot;
    this.root.dataset.state = "loading";
    this.say("");
    this.render();
    try {
      const answer = await streamTrace(lot, (d) => this.arrived(d), loading.signal);
      if (this.loading !== loading) return;
      this.root.dataset.mode = answer.mode;
      this.root.dataset.state = "done";
    } catch (e) {
      if (e.name === "AbortError" || this.loading !== loading) return;
      this.root.dataset.state = "failed";
      if (e.unauthorized) this.onUnauthorized(e);
      else if (e.status === 404) this.say(`No lot ${lot} is known to custody-stream.`);
      else if (e.status === 503) this.say(`The trace of ${lot} is moving between instances; search again${e.retryAfter ? ` in ${e.retryAfter} s` : " shortly"}.`);
      else this.say(`The trace could not be loaded: ${e.message}`);
    }
    clearTimeout(this.timer);
    this.timer = null;
    this.render();
  }

  // The first device is drawn at once; later ones in batches, so a long stream stays smooth.
  arrived(device) {
    this.devices.push(device);
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.render();
    }, this.devices.length === 1 ? 0 : 200);
  }

  matching() {
    const chosen = Object.entries(FILTERS)
      .map(([name, of]) => [of, this.filters.elements[name].value])
      .filter(([, value]) => value !== "");
    return this.devices.filter((d) => chosen.every(([of, value]) => of(d) === value));
  }

  render() {
    for (const [name, of] of Object.entries(FILTERS)) fillChoices(this.filters.elements[name], this.devices.map(of));
    const shown = this.matching();
    this.counts(shown);
    replace(this.body, shown.slice(0, SHOWN).map((d) => this.row(d)));
    const note = this.root.querySelector("#trace-note");
    const loading = this.root.dataset.state === "loading";
    note.textContent = !this.lot
      ? ""
      : `${shown.length} of ${this.devices.length} devices${loading ? " so far, still arriving…" : ""}` +
        (shown.length > SHOWN ? `; the table shows the first ${SHOWN}, exports hold all ${shown.length}.` : ".");
    for (const button of this.root.querySelectorAll("button[data-export]")) button.disabled = loading || !this.devices.length;
  }

  counts(devices) {
    const tally = (of) => {
      const counts = new Map();
      devices.forEach((d) => counts.set(of(d) || "unknown", (counts.get(of(d) || "unknown") || 0) + 1));
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    };
    const group = (title, kind, pairs) =>
      el("div", { class: "tally", "data-tally": kind }, el("h3", {}, title),
        el("ul", {}, pairs.map(([value, n]) => el("li", { "data-value": value }, el("span", { class: "value" }, value), " ", el("strong", { class: "n" }, String(n))))));
    replace(this.root.querySelector("#trace-counts"), this.lot ? [group("By status", "status", tally(FILTERS.status)), group("By site", "site", tally(FILTERS.site))] : []);
  }

  row(d) {
    const open = el("button", { type: "button", class: "link mono" }, d.serial);
    open.addEventListener("click", () => this.onSerial(d.serial));
    const firmware = d.firmware ? [d.firmware.version || "?", " ", el("span", { class: "hash", title: d.firmware.imageSha256 || "" }, short(d.firmware.imageSha256))] : "—";
    return el(
      "tr",
      { "data-serial": d.serial, "data-status": d.status || "" },
      el("td", {}, open, d.depth > 1 ? el("div", { class: "muted" }, `via ${(d.via || []).join(" › ")}`) : null),
      el("td", {}, d.status || "—"),
      el("td", {}, d.site || "—"),
      el("td", {}, d.custodian || "—"),
      el("td", {}, d.customer || "—"),
      el("td", { class: "mono" }, d.container || "—"),
      el("td", {}, firmware),
      el("td", { class: "mono" }, d.hold ? d.hold.holdId : "—"),
      el("td", { class: "time" }, formatTime(d.lastSeenAt)),
    );
  }

  exportRows(format) {
    const rows = this.matching();
    const link = this.root.querySelector("#trace-download");
    if (format === "csv") offer(link, toCsv(rows), `${this.lot}-trace.csv`, "text/csv");
    else offer(link, JSON.stringify({ lot: this.lot, devices: rows }, null, 2), `${this.lot}-trace.json`, "application/json");
  }

  async exportEpcis() {
    try {
      // The route is declared as JSON: asked for JSON-LD alone, the server answers 406.
      const document = await getText(`/v1/lots/${encodeURIComponent(this.lot)}/trace?format=epcis`, "application/ld+json, application/json;q=0.9");
      offer(this.root.querySelector("#trace-download"), document, `${this.lot}-trace.epcis.jsonld`, "application/ld+json", false);
    } catch (e) {
      if (e.unauthorized) this.onUnauthorized(e);
      else this.say(`The EPCIS export could not be loaded: ${e.message}`);
    }
  }

  say(text) {
    this.root.querySelector("#trace-error").textContent = text;
  }
}

/** Keeps {@code select}'s choice and offers every distinct non-empty value, sorted. */
function fillChoices(select, values) {
  const chosen = select.value;
  const distinct = [...new Set(values.filter(Boolean))].sort();
  if (chosen && !distinct.includes(chosen)) distinct.push(chosen);
  const known = [...select.options].slice(1).map((o) => o.value);
  if (known.length === distinct.length && known.every((v, i) => v === distinct[i])) return;
  replace(select, el("option", { value: "" }, "any"), distinct.map((v) => el("option", { value: v }, v)));
  select.value = chosen;
}
