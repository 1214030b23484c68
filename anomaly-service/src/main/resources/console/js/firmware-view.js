// A product's firmware for the recall team: each version and image installed, how many devices run
// it (fielded, stock and in transit where the server counts them apart; else the installed count
// alone, so labelled), and the devices per version, each opening the serial view.

import { getJson } from "./api.js";
import { short } from "./custody-history.js";
import { el, onSearch, replace } from "./dom.js";

const STAGES = [
  ["fielded", "Fielded"],
  ["stock", "Stock"],
  ["inTransit", "In transit"],
];

export class FirmwareView {
  constructor(root, { onSerial, onUnauthorized }) {
    this.root = root;
    this.onSerial = onSerial;
    this.onUnauthorized = onUnauthorized;
    this.form = root.querySelector("#firmware-form");
    this.out = root.querySelector("#firmware-body");
    onSearch(this.form, "product", (value) => this.open(value));
  }

  async open(product) {
    if (!product) return;
    this.form.elements.product.value = product;
    this.root.dataset.state = "loading";
    try {
      const answer = await getJson(`/v1/firmware/${encodeURIComponent(product)}`);
      replace(this.out, inventory(answer, this.onSerial));
      this.root.dataset.state = "done";
    } catch (e) {
      this.root.dataset.state = "failed";
      if (e.unauthorized) return this.onUnauthorized(e);
      replace(this.out, el("p", { class: e.status === 404 ? "empty" : "warning" },
        e.status === 404 ? `No firmware installed on any ${product} device is known.` : `The firmware of ${product} could not be loaded: ${e.message}`));
    }
  }
}

function inventory(answer, onSerial) {
  const images = answer.installed || [];
  if (!images.length) return el("p", { class: "empty" }, `No firmware installed on any ${answer.product} device.`);
  // Counts per stage come with the recall API; a server without them gives one installed count.
  const staged = images.some((i) => STAGES.some(([field]) => typeof i[field] === "number"));
  const heads = ["Version", "Image SHA-256", ...(staged ? STAGES.map(([, title]) => title) : []), "Installed", "Devices"];
  return [
    staged ? null : el("p", { class: "hint", id: "firmware-stages-note" }, "This server counts installed devices only; fielded, stock and in-transit counts appear once it tells them apart."),
    el(
      "table",
      { class: "firmware", id: "firmware-table" },
      el("thead", {}, el("tr", {}, heads.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, images.map((image) => row(image, staged, onSerial))),
    ),
  ];
}

function row(image, staged, onSerial) {
  const serials = image.serials || [];
  const devices = el("details", { class: "more" }, el("summary", {}, `${serials.length} device${serials.length === 1 ? "" : "s"}`),
    el("ul", { class: "serials" }, serials.map((serial) => {
      const open = el("button", { type: "button", class: "link mono" }, serial);
      open.addEventListener("click", () => onSerial(serial));
      return el("li", {}, open);
    })));
  return el(
    "tr",
    { "data-version": image.version, "data-image": image.imageSha256 },
    el("td", {}, image.version),
    el("td", { class: "mono hash", title: image.imageSha256 }, short(image.imageSha256)),
    staged ? STAGES.map(([field]) => el("td", { class: "num", "data-stage": field }, typeof image[field] === "number" ? String(image[field]) : "—")) : [],
    el("td", { class: "num", "data-stage": "installed" }, String(image.count)),
    el("td", {}, devices),
  );
}
