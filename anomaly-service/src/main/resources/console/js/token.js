// The secops bearer token lives in sessionStorage only: it survives a reload of this tab, not the
// browser, and never travels in a URL the server sees (a #token= fragment is read, then erased).

const KEY = "sealtrail.console.token";

/** Moves a {@code #token=} fragment into session storage and out of the address bar; true if any. */
export function adoptTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return false;
  storeToken(decodeURIComponent(match[1]));
  history.replaceState(null, "", window.location.pathname + window.location.search);
  return true;
}

export function currentToken() {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token) {
  sessionStorage.setItem(KEY, token.trim());
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}
