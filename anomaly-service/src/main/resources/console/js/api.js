// Every data call carries the bearer token; errors come back as ApiError with the problem's title
// and detail (RFC 9457) so views can say what went wrong instead of showing a status code.

import { currentToken } from "./token.js";

export class ApiError extends Error {
  constructor(status, title, detail, retryAfter) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  /** True when the token is missing, unknown or of a role that may not do this. */
  get unauthorized() {
    return this.status === 401 || this.status === 403;
  }
}

/** The request headers every call sends. */
export function authHeaders(extra = {}) {
  return { Authorization: `Bearer ${currentToken()}`, ...extra };
}

/** A JSON GET of {@code path} with {@code params} (empty values left out). */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const search = query.toString();
  const url = search ? `${path}?${search}` : path;
  return answer(await send(url, { headers: authHeaders({ Accept: "application/json" }) }));
}

/** A JSON POST of {@code body} to {@code path}; resolves with the parsed answer, if any. */
export async function postJson(path, body) {
  const init = {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json", Accept: "application/json" }),
    body: JSON.stringify(body),
  };
  return answer(await send(path, init));
}

async function send(url, init) {
  try {
    return await fetch(url, { ...init, cache: "no-store", credentials: "omit" });
  } catch (e) {
    throw new ApiError(0, "Service unreachable", "the console could not reach the server");
  }
}

async function answer(response) {
  const text = await response.text();
  const body = parse(text);
  if (response.ok) return body;
  throw new ApiError(
    response.status,
    (body && body.title) || `HTTP ${response.status}`,
    body && body.detail,
    response.headers.get("Retry-After"),
  );
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}
