// Builds DOM from data without ever parsing markup: every string becomes a text node or an
// attribute value, so alert content cannot inject script (the page also forbids inline script).

const SVG_NS = "http://www.w3.org/2000/svg";

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element with attributes and children (nodes or text). */
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element with attributes and children. */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces every child of {@code node} with {@code children}. */
export function replace(node, ...children) {
  node.replaceChildren();
  return build(node, {}, children);
}

/** A timestamp (RFC 3339 text or epoch millis) as "2026-11-21 07:30:12 UTC"; "—" when absent. */
export function formatTime(value) {
  if (value === null || value === undefined || value === "") return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC");
}

/** A definition list of label/value pairs, skipping absent values. */
export function facts(pairs) {
  const list = el("dl", { class: "facts" });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === "") continue;
    list.append(el("dt", {}, label), el("dd", {}, value));
  }
  return list;
}

/** Calls {@code search} with the trimmed value of {@code form}'s {@code field} on each submit. */
export function onSearch(form, field, search) {
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    search(form.elements[field].value.trim());
  });
}
