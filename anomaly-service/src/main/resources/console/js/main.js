// Wires the console together: the token and what its role may see (GET /v1/whoami); for secops
// the alert list (a list call, then the live feed), the filters, the detail panel and the spike
// board; for recall and auditor the lot trace, serial, firmware and campaigns views (an auditor's
// campaigns without the create and move controls); for admin all of them.

import { getJson } from "./api.js";
import { AlertBook, FILTER_FIELDS, SEVERITIES, STATUSES, TYPES, isSpike, label } from "./alerts.js";
import { AlertDetail } from "./alert-detail.js";
import { AlertList } from "./alert-list.js";
import { CampaignsView } from "./campaigns.js";
import { el } from "./dom.js";
import { FirmwareView } from "./firmware-view.js";
import { LotTraceView } from "./lot-trace.js";
import { EventFeed } from "./sse.js";
import { ReportPage } from "./report.js";
import { whoAmI } from "./role.js";
import { SerialView } from "./serial-view.js";
import { SpikeBoard } from "./spikes.js";
import { adoptTokenFromFragment, currentToken, forgetToken, storeToken } from "./token.js";

const LIST_LIMIT = 200;
const $ = (id) => document.getElementById(id);

const book = new AlertBook();
const filters = $("filters");
const list = new AlertList($("alerts"), $("alerts-empty"), $("alert-count"), openAlert, () => render());
const detail = new AlertDetail($("detail"), { onChanged: remember, onUnauthorized: refuse });
const board = new SpikeBoard($("spike-charts"), $("spike-kind"));
const report = new ReportPage($("report-form"), $("report-body"), $("report-error"), { onUnauthorized: refuse });
const feed = new EventFeed("/v1/alerts/stream", { onEvent: received, onState: showConnection });
const serialView = new SerialView($("serial"), { onUnauthorized: refuse });
const openSerial = (serial) => {
  showView("serial");
  serialView.open(serial);
};
const campaignsView = new CampaignsView($("campaigns"), { onUnauthorized: refuse });
const openCampaignFor = (lot) => {
  showView("campaigns");
  campaignsView.prepare(lot);
};
const traceView = new LotTraceView($("trace"), { onSerial: openSerial, onUnauthorized: refuse, onCampaign: openCampaignFor });
const firmwareView = new FirmwareView($("firmware"), { onSerial: openSerial, onUnauthorized: refuse });
const VIEWS = ["workspace", "report", "trace", "serial", "firmware", "campaigns"];
const TITLES = { alerts: "security operations", recall: "recall", both: "console" };
let boardTimer = null;
let caller = null;

function start() {
  adoptTokenFromFragment();
  fillOptions("type", TYPES);
  fillOptions("severity", SEVERITIES);
  fillOptions("status", STATUSES);
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    storeToken($("token-input").value);
    $("token-input").value = "";
    connect();
  });
  $("change-token").addEventListener("click", () => askForToken(""));
  for (const button of $("views").querySelectorAll("button[data-view]")) {
    button.addEventListener("click", () => showView(button.dataset.view));
  }
  let typing = null;
  filters.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(loadList, 300);
  });
  filters.addEventListener("submit", (e) => e.preventDefault());
  // A #token= link opened in this tab again changes only the fragment: no page load follows.
  window.addEventListener("hashchange", () => {
    if (adoptTokenFromFragment()) connect();
  });
  if (currentToken()) connect();
  else askForToken("");
}

function fillOptions(name, symbols) {
  filters.elements[name].append(...symbols.map((s) => el("option", { value: s }, label(s))));
}

function currentFilter() {
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, filters.elements[f].value.trim()]));
}

/** One view of those the role may see; the live feed keeps running under any. */
function showView(view) {
  for (const id of VIEWS) $(id).hidden = view !== id;
  for (const button of $("views").querySelectorAll("button[data-view]")) {
    if (button.dataset.view === view) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  if (view === "report") report.load();
  if (view === "campaigns") campaignsView.load();
}

/** Asks who the token is, then shows the views its role may see (and only those). */
async function connect() {
  $("token-panel").hidden = true;
  showConnection("connecting");
  try {
    caller = await whoAmI();
  } catch (e) {
    if (e.unauthorized) refuse(e);
    else askForToken(`The console could not ask who this token is: ${e.message}`);
    return;
  }
  if (!caller.alerts && !caller.recall) {
    askForToken(`Role ${caller.roles.join(" and ")} has no view in this console.`);
    return;
  }
  for (const button of $("views").querySelectorAll("button[data-for]")) button.hidden = !caller[button.dataset.for];
  document.body.dataset.roles = caller.roles.join(" ");
  document.body.dataset.readOnly = String(!caller.alerts && !caller.mayChangeRecall);
  campaignsView.allow(caller.mayChangeRecall);
  $("trace-campaign").hidden = !caller.mayChangeRecall;
  $("console-title").textContent = TITLES[caller.alerts && caller.recall ? "both" : caller.alerts ? "alerts" : "recall"];
  $("who").textContent = `${caller.name} · ${caller.roles.join(", ")}${document.body.dataset.readOnly === "true" ? " · read only" : ""}`;
  $("who").hidden = false;
  $("views").hidden = false;
  $("change-token").hidden = false;
  showView(caller.alerts ? "workspace" : "trace");
  if (caller.alerts) {
    feed.start();
    board.refresh();
  } else {
    showConnection("signed-in");
  }
}

function askForToken(why) {
  feed.stop();
  forgetToken();
  caller = null;
  for (const id of VIEWS) $(id).hidden = true;
  $("views").hidden = true;
  $("who").hidden = true;
  $("change-token").hidden = true;
  $("token-panel").hidden = false;
  $("token-error").textContent = why;
  showConnection("idle");
  $("token-input").focus();
}

function refuse(error) {
  askForToken(`The server refused this token (${error.status || error}): paste a secops, recall, auditor or admin token.`);
}

async function loadList() {
  try {
    const answer = await getJson("/v1/alerts", { ...currentFilter(), limit: LIST_LIMIT });
    (answer.alerts || []).forEach((a) => book.upsert(a));
    $("list-error").textContent = answer.truncated ? `Showing the ${LIST_LIMIT} most recent; narrow the filters to see older alerts.` : "";
    render();
  } catch (e) {
    if (e.unauthorized) refuse(e);
    else $("list-error").textContent = `Alerts could not be loaded: ${e.message}`;
  }
}

function received(event) {
  if (event.type !== "alert") return;
  let alert;
  try {
    alert = JSON.parse(event.data);
  } catch (e) {
    return;
  }
  if (!book.upsert(alert)) return;
  render();
  if (alert.alertId === detail.alertId) detail.update(alert);
  if (isSpike(alert)) {
    clearTimeout(boardTimer);
    boardTimer = setTimeout(() => board.refresh(), 500);
  }
}

function remember(alert) {
  if (book.upsert(alert)) render();
}

function render() {
  const shown = book.matching(currentFilter());
  list.render(shown);
  list.select(detail.alertId);
  const open = shown.filter((a) => a.status === "OPEN").length;
  document.title = `${open ? `(${open}) ` : ""}Sealtrail · Security operations`;
}

function openAlert(id) {
  list.select(id);
  detail.open(book.get(id));
}

const CONNECTION_TEXT = {
  idle: () => "Not connected",
  connecting: () => "Connecting…",
  live: () => "Live",
  "signed-in": () => "Signed in",
  retrying: (ms) => `Connection lost; retrying in ${Math.ceil(ms / 1000)} s`,
  refused: (status) => `Token refused (${status})`,
};

function showConnection(state, detailValue) {
  $("connection").dataset.state = state;
  $("connection-text").textContent = CONNECTION_TEXT[state](detailValue);
  // Whatever changed while the feed was down is fetched again once it is back.
  if (state === "live") loadList();
  if (state === "refused") refuse(detailValue);
}

start();
