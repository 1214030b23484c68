// The lot trace: every device built with a lot (at any depth), where it is now, who holds it. The
// page never holds a whole trace: the answer streams as NDJSON, counts by status and site grow line
// by line, and only the rows drawn (at most SHOWN) are kept. Filters go to the server, which sends
// only the matching devices; exports are the server's files for the same filters.
//
// Two streams at most: the lot's whole, unfiltered stream makes the counts at the top and the
// filters' choices (so they stay those of the whole lot), and lists the rows while no filter is
// chosen; once one is, a second, filtered stream lists them. Changing a filter aborts the previous
// listing (AbortController) and asks again.

import { el, onSearch, formatTime, replace } from "./dom.js";
import { short } from "./custody-history.js";
import { streamTrace } from "./trace-stream.js";
import { fetchTrace, offer } from "./trace-export.js";

// The table shows, and the page keeps, at most this many rows; counts and exports cover every one.
export const SHOWN = 500;
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
    this.table = root.querySelector("#trace-table");
    this.body = root.querySelector("#trace-table tbody");
    this.lot = "";
    this.whole = emptyWhole();
    this.rows = [];
    this.matched = 0;
    this.counting = null;
    this.listing = null;
    this.busy = new Set();
    this.failed = false;
    this.timer = null;
    onSearch(this.form, "lot", (value) => this.search(value));
    this.filters.addEventListener("change", () => this.refilter());
    this.filters.addEventListener("submit", (e) => e.preventDefault());
    for (const format of ["csv", "json", "epcis"]) {
      root.querySelector(`#trace-export-${format}`).addEventListener("click", () => this.exportTrace(format));
    }
    root.querySelector("#trace-campaign").addEventListener("click", () => onCampaign(this.lot));
  }

  /** Traces {@code lot}, showing rows as they arrive; a search in progress is abandoned. */
  search(lot) {
    if (!lot) return;
    this.abort();
    this.lot = lot;
    this.form.elements.lot.value = lot;
    this.whole = emptyWhole();
    for (const name of Object.keys(FILTERS)) replace(this.filters.elements[name], el("option", { value: "" }, "any"));
    this.resetRows();
    this.failed = false;
    this.say("");
    const counting = new AbortController();
    this.counting = counting;
    this.listing = counting;
    return this.load(counting, {}, (d) => {
      if (this.counting !== counting) return;
      this.count(d);
      if (this.listing === counting) this.list(d);
    });
  }

  /** Asks the server again for the rows matching the filters now chosen. */
  refilter() {
    if (!this.lot) return;
    if (this.listing && this.listing !== this.counting) this.listing.abort();
    this.resetRows();
    this.failed = false;
    this.say("");
    const listing = new AbortController();
    this.listing = listing;
    return this.load(listing, this.chosen(), (d) => {
      if (this.listing === listing) this.list(d);
    });
  }

  /** The filters chosen, by name; those left at "any" are not given. */
  chosen() {
    const chosen = {};
    for (const name of Object.keys(FILTERS)) {
      const value = this.filters.elements[name].value;
      if (value !== "") chosen[name] = value;
    }
    return chosen;
  }

  abort() {
    if (this.counting) this.counting.abort();
    if (this.listing) this.listing.abort();
    this.counting = null;
    this.listing = null;
  }

  resetRows() {
    this.rows = [];
    this.matched = 0;
    this.render();
  }

  // The state is "loading" from the moment a stream is asked for until every stream has ended.
  async load(controller, filters, onDevice) {
    this.busy.add(controller);
    this.root.dataset.state = "loading";
    try {
      const answer = await streamTrace(this.lot, onDevice, controller.signal, filters);
      if (!controller.signal.aborted) this.root.dataset.mode = answer.mode;
    } catch (e) {
      if (e.name === "AbortError" || controller.signal.aborted) return;
      this.failed = true;
      const lot = this.lot;
      if (e.unauthorized) this.onUnauthorized(e);
      else if (e.status === 404) this.say(`No lot ${lot} is known to custody-stream.`);
      else if (e.status === 400) this.say(`The server refused the filters: ${e.message}`);
      else if (e.status === 503) this.say(`The trace of ${lot} is moving between instances; search again${e.retryAfter ? ` in ${e.retryAfter} s` : " shortly"}.`);
      else this.say(`The trace could not be loaded: ${e.message}`);
    } finally {
      this.busy.delete(controller);
      if (![...this.busy].some((c) => !c.signal.aborted)) {
        clearTimeout(this.timer);
        this.timer = null;
        this.render();
      }
    }
  }

  // A device of the whole lot: counted, and its values offered as filter choices.
  count(device) {
    const whole = this.whole;
    whole.total += 1;
    tally(whole.status, FILTERS.status(device) || "unknown");
    tally(whole.site, FILTERS.site(device) || "unknown");
    for (const [name, of] of Object.entries(FILTERS)) {
      const value = of(device);
      if (value) whole.choices[name].add(value);
    }
    this.drawSoon();
  }

  // A device matching the filters: counted, and kept only while fewer than SHOWN are.
  list(device) {
    this.matched += 1;
    if (this.rows.length < SHOWN) this.rows.push(device);
    this.drawSoon();
  }

  // The first device is drawn at once; later ones in batches, so a long stream stays smooth.
  drawSoon() {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.render();
    }, this.matched + this.whole.total <= 1 ? 0 : 200);
  }

  render() {
    for (const name of Object.keys(FILTERS)) fillChoices(this.filters.elements[name], this.whole.choices[name]);
    this.counts();
    replace(this.body, this.rows.map((d) => this.row(d)));
    this.table.dataset.held = String(this.rows.length);
    const live = [...this.busy].some((c) => !c.signal.aborted);
    this.root.dataset.state = this.failed ? "failed" : live ? "loading" : this.lot ? "done" : "";
    const filtered = Object.keys(this.chosen()).length > 0;
    const note = this.root.querySelector("#trace-note");
    note.textContent = !this.lot
      ? ""
      : `showing ${this.rows.length} of ${this.matched} ${filtered ? "matching " : ""}devices` +
        (filtered ? ` (${this.whole.total} in the lot)` : "") +
        (live ? " so far, still arriving…" : "") +
        (this.matched > this.rows.length ? `; the table shows the first ${SHOWN}, exports hold all ${this.matched}.` : ".");
    for (const button of this.root.querySelectorAll("button[data-export]")) button.disabled = live || !this.whole.total;
  }

  counts() {
    const sorted = (counts) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const group = (title, kind, pairs) =>
      el("div", { class: "tally", "data-tally": kind }, el("h3", {}, title),
        el("ul", {}, pairs.map(([value, n]) => el("li", { "data-value": value }, el("span", { class: "value" }, value), " ", el("strong", { class: "n" }, String(n))))));
    replace(this.root.querySelector("#trace-counts"), this.lot ? [group("By status", "status", sorted(this.whole.status)), group("By site", "site", sorted(this.whole.site))] : []);
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

  // The server's file for the filters chosen: fetched first, so offered as a link to press.
  async exportTrace(format) {
    try {
      const { blob, name } = await fetchTrace(this.lot, format, this.chosen());
      offer(this.root.querySelector("#trace-download"), blob, name, blob.type, false);
    } catch (e) {
      if (e.unauthorized) this.onUnauthorized(e);
      else this.say(`The ${format.toUpperCase()} export could not be loaded: ${e.message}`);
    }
  }

  say(text) {
    this.root.querySelector("#trace-error").textContent = text;
  }
}

function emptyWhole() {
  const choices = {};
  for (const name of Object.keys(FILTERS)) choices[name] = new Set();
  return { total: 0, status: new Map(), site: new Map(), choices };
}

function tally(counts, value) {
  counts.set(value, (counts.get(value) || 0) + 1);
}

/** Keeps {@code select}'s choice and offers every value in {@code values}, sorted. */
function fillChoices(select, values) {
  const chosen = select.value;
  const distinct = [...values].sort();
  if (chosen && !distinct.includes(chosen)) distinct.push(chosen);
  const known = [...select.options].slice(1).map((o) => o.value);
  if (known.length === distinct.length && known.every((v, i) => v === distinct[i])) return;
  replace(select, el("option", { value: "" }, "any"), distinct.map((v) => el("option", { value: v }, v)));
  select.value = chosen;
}
