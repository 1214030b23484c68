// The serial's custody history from custody-stream, with the two answers that are not errors of
// the console: 404 (no such serial, or no custody-stream behind this address) and 503 (its store
// is moving between instances; retry).

import { getJson } from "./api.js";
import { el, formatTime, replace } from "./dom.js";
import { label } from "./alerts.js";

export async function showHistory(container, serial) {
  if (!serial) {
    replace(container, el("p", { class: "empty" }, "This alert is not about one serial."));
    return;
  }
  replace(container, el("p", { class: "muted" }, `Loading the custody history of ${serial}…`));
  try {
    const history = await getJson(`/v1/serials/${encodeURIComponent(serial)}/history`);
    replace(container, historyTable(history));
  } catch (e) {
    replace(container, failure(e, serial, () => showHistory(container, serial)));
  }
}

function failure(error, serial, retry) {
  if (error.status === 404) {
    return el(
      "p",
      { class: "empty" },
      `No custody history for ${serial}: custody-stream does not know this serial, or is not served at this address.`,
    );
  }
  const again = el("button", { type: "button", class: "quiet" }, "Try again");
  again.addEventListener("click", retry);
  const why =
    error.status === 503
      ? `The custody history of ${serial} is being moved between instances` +
        (error.retryAfter ? `; try again in ${error.retryAfter} s.` : "; try again shortly.")
      : `The custody history could not be loaded (${error.message}).`;
  return el("p", { class: "warning", role: "status" }, why, " ", again);
}

function historyTable(history) {
  const events = history.events || [];
  if (!events.length) return el("p", { class: "empty" }, `No events recorded for ${history.serial}.`);
  const rows = events.map(({ sequence, chainHash, event }) => {
    const reported = (event && event.event) || {};
    return el(
      "tr",
      {},
      el("td", { class: "num" }, String(sequence)),
      el("td", { class: "time" }, formatTime(reported.occurredAt)),
      el("td", {}, label(reported.type)),
      el("td", {}, [reported.site, reported.station].filter(Boolean).join(" / ")),
      el("td", {}, reported.partnerId || ""),
      el("td", { class: "mono" }, reported.eventId || ""),
      el("td", { class: "mono hash", title: event.payloadSha256 || "" }, short(event.payloadSha256)),
      el("td", { class: "mono hash", title: chainHash }, short(chainHash)),
    );
  });
  return el(
    "table",
    { class: "history" },
    el("caption", {}, `${events.length} events; chain head `, el("code", { title: history.chainHash }, short(history.chainHash))),
    el(
      "thead",
      {},
      el("tr", {}, ["#", "Occurred", "Event", "Site / station", "Partner", "Event id", "Payload SHA-256", "Chain"].map(
        (h) => el("th", { scope: "col" }, h),
      )),
    ),
    el("tbody", {}, rows),
  );
}

/** The first ten hex digits of a hash; the full value is in the cell's title. */
export function short(hash) {
  return hash ? `${hash.slice(0, 10)}…` : "—";
}
