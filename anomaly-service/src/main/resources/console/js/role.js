// Which views the token's role may see, from GET /v1/whoami: secops the alert views, recall and
// auditor the recall views (auditor read only), admin everything. The server still decides every
// call; this only keeps the page from offering what would be refused.

import { getJson } from "./api.js";

/** The caller the token stands for: {name, roles, alerts, recall, mayChangeRecall}. */
export async function whoAmI() {
  return describe(await getJson("/v1/whoami"));
}

/** What {@code answer} (the whoami JSON) lets the page show. */
export function describe(answer) {
  const roles = new Set((answer && answer.roles) || []);
  const admin = roles.has("admin");
  return {
    name: (answer && answer.name) || "",
    roles: [...roles],
    alerts: admin || roles.has("secops"),
    recall: admin || roles.has("recall") || roles.has("auditor"),
    // Recall campaigns are changed by recall and admin; an auditor reads.
    mayChangeRecall: admin || roles.has("recall"),
  };
}
