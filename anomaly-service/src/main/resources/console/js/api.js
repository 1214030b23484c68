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
  return answer(await request(url, { headers: authHeaders({ Accept: "application/json" }) }));
}

/** A JSON POST of {@code body} to {@code path} (with {@code headers}); resolves with the parsed answer, if any. */
export async function postJson(path, body, headers = {}) {
  const init = {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json", Accept: "application/json", ...headers }),
    body: JSON.stringify(body),
  };
  return answer(await request(path, init));
}

/** fetch() without cookies or cache; a network failure becomes an ApiError, an abort stays one. */
export async function request(url, init) {
  try {
    return await fetch(url, { ...init, cache: "no-store", credentials: "omit" });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, "Service unreachable", "the console could not reach the server");
  }
}

/** The ApiError a refused {@code response} stands for, with its problem's title and detail. */
export async function refusal(response) {
  const body = parse(await response.text());
  return new ApiError(
    response.status,
    (body && body.title) || `HTTP ${response.status}`,
    body && body.detail,
    response.headers.get("Retry-After"),
  );
}

/** The body of a GET of {@code path} as text, as the server sends it for {@code accept}. */
export async function getText(path, accept) {
  const response = await request(path, { headers: authHeaders({ Accept: accept }) });
  if (!response.ok) throw await refusal(response);
  return response.text();
}

async function answer(response) {
  if (!response.ok) throw await refusal(response);
  return parse(await response.text());
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}
