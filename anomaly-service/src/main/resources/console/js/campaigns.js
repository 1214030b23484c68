// Recall campaigns: create one from a lot, supplier or firmware image; list them with their
// progress; open one to see each device's state and, for recall and admin, move a device to one of
// its next states. The server decides every call; an auditor's page simply offers no change.

import { getJson, postJson } from "./api.js";
import { el, facts, formatTime, replace, svg } from "./dom.js";

// The order a device moves in; the last three end its part in the campaign.
const STATES = ["OPEN", "NOTIFIED", "RETURNED", "REMEDIATED", "UNREACHABLE"];
const NEXT = { OPEN: ["NOTIFIED"], NOTIFIED: ["RETURNED", "REMEDIATED", "UNREACHABLE"] };
const CLOSED = ["RETURNED", "REMEDIATED", "UNREACHABLE"];
const SCOPES = [
  ["lot", "Lot"],
  ["supplier", "Supplier"],
  ["imageSha256", "Firmware image SHA-256"],
];

export class CampaignsView {
  constructor(root, { onUnauthorized }) {
    this.root = root;
    this.onUnauthorized = onUnauthorized;
    this.form = root.querySelector("#campaign-form");
    this.list = root.querySelector("#campaign-list");
    this.out = root.querySelector("#campaign-body");
    this.mayChange = false;
    this.campaign = null;
    // One id per campaign asked for: a submit retried after a lost answer reuses it, so the
    // server answers the campaign it created instead of creating a second one.
    this.pending = null;
    this.form.elements.scope.append(...SCOPES.map(([value, title]) => el("option", { value }, title)));
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.create();
    });
  }

  /** Whether the caller may create campaigns and move devices (recall, admin). */
  allow(mayChange) {
    this.mayChange = mayChange;
    this.form.hidden = !mayChange;
  }

  /** Fills the create form with {@code lot} as the scope (from the lot trace). */
  prepare(lot) {
    this.form.elements.scope.value = "lot";
    this.form.elements.scopeId.value = lot;
    if (!this.form.elements.name.value) this.form.elements.name.value = `Recall of ${lot}`;
    this.load();
    this.form.elements.name.focus();
  }

  async load() {
    try {
      const answer = await getJson("/v1/campaigns");
      replace(this.list, overview(answer.campaigns || [], (id) => this.open(id)));
    } catch (e) {
      if (e.unauthorized) return this.onUnauthorized(e);
      replace(this.list, el("p", { class: "warning" }, `The campaigns could not be loaded: ${e.message}`));
    }
  }

  async create() {
    const f = this.form.elements;
    const body = { name: f.name.value.trim(), [f.scope.value]: f.scopeId.value.trim() };
    const key = JSON.stringify(body);
    if (!this.pending || this.pending.key !== key) this.pending = { key, id: requestId() };
    this.say("");
    f.create.disabled = true;
    try {
      const campaign = await postJson("/v1/campaigns", body, { "X-Request-Id": this.pending.id });
      this.pending = null;
      this.form.reset();
      this.show(campaign);
      this.load();
    } catch (e) {
      // A refusal is final for these values; an unreachable or failing server may be retried.
      if (e.status >= 400 && e.status < 500) this.pending = null;
      if (e.unauthorized) return this.onUnauthorized(e);
      this.say(`The campaign was not created: ${problem(e)}`);
    } finally {
      f.create.disabled = false;
    }
  }

  /** Loads and shows campaign `id`, with `error` (a refused move) shown in the same render. */
  async open(id, error = "") {
    this.root.dataset.state = "loading";
    try {
      this.show(await getJson(`/v1/campaigns/${encodeURIComponent(id)}`), error);
    } catch (e) {
      this.root.dataset.state = "failed";
      if (e.unauthorized) return this.onUnauthorized(e);
      replace(this.out, el("p", { class: "warning" }, e.status === 404 ? `No campaign ${id} is known.` : `The campaign could not be loaded: ${e.message}`));
    }
  }

  show(campaign, error = "") {
    this.campaign = campaign;
    const devices = campaign.devices || [];
    replace(
      this.out,
      el("h3", { id: "campaign-title", "data-campaign-id": campaign.campaignId }, campaign.name),
      facts([
        ["Traced from", `${campaign.scope} ${campaign.scopeId}`],
        ["Created", `${formatTime(campaign.createdAt)} by ${campaign.createdBy}`],
        ["Devices", String(campaign.deviceCount)],
      ]),
      progress(campaign, "campaign-progress"),
      el("p", { id: "campaign-move-error", class: "error", role: "alert" }, error),
      el("div", { class: "scroll" }, el(
        "table",
        { id: "campaign-devices", class: "trace" },
        el("caption", { class: "visually-hidden" }, "Every device of the campaign and its state"),
        el("thead", {}, el("tr", {}, ["Serial", "State", "Changed by", "Changed", "Note", this.mayChange ? "Move to" : null]
          .filter(Boolean).map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, devices.map((d) => this.row(d))),
      )),
    );
    this.root.dataset.state = "done";
  }

  row(d) {
    const cells = [
      el("td", { class: "mono" }, d.serial),
      el("td", {}, el("span", { class: `state state-${d.state}` }, d.state)),
      el("td", {}, d.changedBy || "—"),
      el("td", { class: "time" }, formatTime(d.changedAt)),
      el("td", {}, d.note || "—"),
    ];
    if (this.mayChange) cells.push(el("td", {}, el("div", { class: "moves" }, this.moves(d))));
    return el("tr", { "data-serial": d.serial, "data-state": d.state }, cells);
  }

  moves(d) {
    const next = NEXT[d.state] || [];
    if (!next.length) return el("span", { class: "muted" }, "closed");
    const note = el("input", { name: "note", type: "text", placeholder: "note (optional)", "aria-label": `Note on ${d.serial}` });
    const buttons = next.map((state) => {
      const button = el("button", { type: "button", class: "secondary", "data-move": state }, state);
      button.addEventListener("click", () => this.move(d.serial, state, note.value.trim(), buttons));
      return button;
    });
    return [note, ...buttons];
  }

  async move(serial, state, note, buttons) {
    const id = this.campaign.campaignId;
    buttons.forEach((b) => (b.disabled = true));
    this.out.querySelector("#campaign-move-error").textContent = "";
    try {
      await postJson(`/v1/campaigns/${encodeURIComponent(id)}/devices/${encodeURIComponent(serial)}`, note ? { state, note } : { state });
      await this.open(id);
      this.load();
    } catch (e) {
      buttons.forEach((b) => (b.disabled = false));
      if (e.unauthorized) return this.onUnauthorized(e);
      const said = `${serial} was not moved to ${state}: ${problem(e)}`;
      // A conflict means the page is behind (someone else moved the device): show it as it is now,
      // with the reason in the same render, so the device never shows moved without it.
      if (e.status === 409) {
        await this.open(id, said);
        this.load();
        return;
      }
      this.out.querySelector("#campaign-move-error").textContent = said;
    }
  }

  say(text) {
    this.root.querySelector("#campaign-error").textContent = text;
  }
}

function overview(campaigns, onOpen) {
  if (!campaigns.length) return el("p", { class: "empty" }, "No campaign yet.");
  return el(
    "table",
    { id: "campaign-table", class: "trace" },
    el("caption", { class: "visually-hidden" }, "Campaigns, newest first; choose one to see its devices"),
    el("thead", {}, el("tr", {}, ["Campaign", "Traced from", "Created", "Devices", "Progress"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, campaigns.map((c) => {
      const open = el("button", { type: "button", class: "link" }, c.name);
      open.addEventListener("click", () => onOpen(c.campaignId));
      return el(
        "tr",
        { "data-campaign-id": c.campaignId },
        el("td", {}, open),
        el("td", {}, `${c.scope} `, el("span", { class: "mono" }, c.scopeId)),
        el("td", { class: "time" }, formatTime(c.createdAt)),
        el("td", { class: "num" }, String(c.deviceCount)),
        el("td", {}, progress(c)),
      );
    })),
  );
}

/** Counts per state and a bar of them, closed states last; "closed" counts the ended devices. */
function progress(campaign, id) {
  const counts = campaign.counts || {};
  const total = campaign.deviceCount || STATES.reduce((n, s) => n + (counts[s] || 0), 0);
  const closed = CLOSED.reduce((n, s) => n + (counts[s] || 0), 0);
  // An SVG, not styled widths: the page's CSP forbids inline styles.
  let x = 0;
  const bar = svg("svg", { class: "campaign-bar", viewBox: "0 0 100 6", preserveAspectRatio: "none", role: "img",
    "aria-label": `${closed} of ${total} devices closed` },
    STATES.filter((s) => counts[s]).map((s) => {
      const width = (100 * counts[s]) / total;
      const rect = svg("rect", { class: `state-${s}`, x, y: 0, width, height: 6, "data-state": s }, svg("title", {}, `${s} ${counts[s]}`));
      x += width;
      return rect;
    }));
  return el(
    "div",
    { class: "campaign-progress", id, "data-closed": closed, "data-total": total },
    el("div", { class: "tally" }, el("ul", {}, STATES.map((s) => el("li", { "data-value": s }, el("span", { class: `value state state-${s}` }, s), " ", el("strong", { class: "n" }, String(counts[s] || 0)))))),
    bar,
    el("p", { class: "hint" }, `${closed} of ${total} closed${total ? ` (${Math.round((100 * closed) / total)}%)` : ""}`),
  );
}

/** What a refused call said: the problem's detail where it has one (e.g. an illegal transition). */
function problem(e) {
  return e.detail ? `${e.detail} (${e.status} ${e.title})` : e.message;
}

/** A random request id; getRandomValues, unlike randomUUID, works outside secure contexts too. */
function requestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
