// One serial for the recall team: its state, the chain verdict, and a timeline of its history (who,
// where, what) with each event's signatures re-checked in this browser against the partners' public
// keys (signatures.js), or ingest's verdict at receipt where the browser cannot check, so labelled.

import { getJson } from "./api.js";
import { label } from "./alerts.js";
import { short } from "./custody-history.js";
import { el, onSearch, facts, formatTime, replace } from "./dom.js";
import { checkSignatures, keysOf } from "./signatures.js";

export class SerialView {
  constructor(root, { onUnauthorized }) {
    this.root = root;
    this.onUnauthorized = onUnauthorized;
    this.form = root.querySelector("#serial-form");
    this.out = root.querySelector("#serial-body");
    this.keys = null;
    onSearch(this.form, "serial", (value) => this.open(value));
  }

  /** Shows {@code serial}: state and chain first, then each event's signature verdicts. */
  async open(serial) {
    if (!serial) return;
    this.serial = serial;
    this.form.elements.serial.value = serial;
    this.root.dataset.state = "loading";
    replace(this.out, el("p", { class: "muted" }, `Loading ${serial}…`));
    const path = `/v1/serials/${encodeURIComponent(serial)}`;
    try {
      const [state, history, keys] = await Promise.all([getJson(path), getJson(`${path}/history`), this.partnerKeys()]);
      if (this.serial !== serial) return;
      const timeline = el("ol", { class: "timeline" });
      replace(this.out, stateFacts(state), chainVerdict(history.chain), el("h3", {}, `History · ${(history.events || []).length} events`), timeline);
      for (const entry of history.events || []) timeline.append(eventItem(entry));
      await Promise.all([...timeline.children].map((item, i) => showSignatures(item, history.events[i].event, keys)));
      if (this.serial === serial) this.root.dataset.state = "done";
    } catch (e) {
      if (this.serial !== serial) return;
      this.root.dataset.state = "failed";
      if (e.unauthorized) return this.onUnauthorized(e);
      replace(this.out, el("p", { class: e.status === 404 ? "empty" : "warning" },
        e.status === 404 ? `No serial ${serial} is known to custody-stream.` : `${serial} could not be loaded: ${e.message}`));
    }
  }

  // The keys are read once per page: a revocation shows on the next load.
  async partnerKeys() {
    if (!this.keys) this.keys = getJson("/v1/partners").then((a) => keysOf(a.partners));
    try {
      return await this.keys;
    } catch (e) {
      this.keys = null;
      throw e;
    }
  }
}

function stateFacts(s) {
  const firmware = s.firmware ? `${s.firmware.version || "?"} (${short(s.firmware.imageSha256)})` : null;
  return facts([
    ["Status", s.status],
    ["Product", s.product],
    ["Site", s.site],
    ["Custodian", s.custodian],
    ["Customer", s.customer],
    ["Container", s.container],
    ["Firmware", firmware],
    ["Holds", (s.holds || []).map((h) => `${h.kind} ${h.id} (${h.reason || h.holdId})`).join("; ")],
    ["Last seen", s.lastSeenAt ? formatTime(s.lastSeenAt) : null],
    ["Events", s.eventCount],
  ]);
}

function chainVerdict(chain) {
  const intact = chain && chain.status === "intact";
  return el("p", { class: `verdict ${intact ? "ok" : "bad"}`, id: "chain-verdict", "data-chain": chain ? chain.status : "unknown" },
    intact ? "Hash chain intact (checked by custody-stream against the state's head)"
      : `Hash chain broken at event ${chain && chain.sequence}: ${chain && chain.reason}`);
}

function eventItem({ sequence, event }) {
  const e = (event && event.event) || {};
  return el(
    "li",
    { "data-sequence": sequence, "data-event-id": e.eventId || "" },
    el("div", { class: "when" }, el("span", { class: "time" }, formatTime(e.occurredAt)), " ", el("strong", {}, label(e.type))),
    el("div", {}, "by ", el("strong", {}, e.partnerId || "?"), e.operator ? ` (operator ${e.operator})` : "", " at ", [e.site, e.station].filter(Boolean).join(" / ") || "?"),
    el("div", { class: "muted what" }, what(e.detail)),
    el("ul", { class: "signatures" }, el("li", { class: "muted" }, "Checking signatures…")),
  );
}

/** The event's detail as "field: value" pairs, long lists cut short. */
function what(detail) {
  if (!detail || typeof detail !== "object") return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? list(v) : typeof v === "object" ? JSON.stringify(v) : v}`)
    .join(" · ");
}

function list(values) {
  const shown = values.slice(0, 5).map((v) => (typeof v === "object" ? Object.values(v).filter(Boolean).join("/") : v));
  return shown.join(", ") + (values.length > 5 ? ` … (${values.length})` : "");
}

async function showSignatures(item, verified, keys) {
  const list = item.querySelector("ul.signatures");
  const verdicts = await checkSignatures(verified || {}, keys);
  if (!verdicts.length) return replace(list, el("li", { class: "bad" }, "No signature in the envelope"));
  replace(list, verdicts.map(signatureLine));
}

const SAID = {
  valid: "signature valid",
  invalid: "signature does NOT verify",
  "unknown-key": "signed by a key no partner lists",
};

function signatureLine(v) {
  const by = v.checkedBy === "browser" ? "checked in this browser" : "server-side verdict (ingest at receipt): this browser cannot check " + (v.algorithm || "it");
  return el(
    "li",
    { class: v.verdict === "valid" ? "ok" : "bad", "data-verdict": v.verdict, "data-checked-by": v.checkedBy, "data-keyid": v.keyid || "" },
    el("strong", {}, SAID[v.verdict]), " · ", v.partnerId || "?", " ", el("span", { class: "mono hash", title: v.keyid || "" }, short(v.keyid)),
    v.algorithm ? ` ${v.algorithm}` : "", " · ", el("em", {}, by),
    v.revokedAt ? el("span", { class: "bad" }, ` · key revoked ${formatTime(v.revokedAt)}`) : null,
  );
}
