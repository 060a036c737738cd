// Registry GraphQL explorer: runs queries against /graphql and lists the schema from an introspection query.
// Served as a file (no inline script) so the page works under a strict Content-Security-Policy.
"use strict";

const endpoint = "/graphql";
const introspection = `{
  __schema {
    queryType { name } mutationType { name }
    types {
      name kind description
      fields { name description args { name description type { ...T } } type { ...T } }
      inputFields { name description type { ...T } }
      enumValues { name description }
    }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

async function post(query, variables, apiKey) {
  const headers = { "Content-Type": "application/json", "Accept": "application/json" };
  if (apiKey) headers["X-Api-Key"] = apiKey;
  const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}

function typeName(t) {
  if (!t) return "";
  if (t.kind === "NON_NULL") return typeName(t.ofType) + "!";
  if (t.kind === "LIST") return "[" + typeName(t.ofType) + "]";
  return t.name;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function describeType(type) {
  const details = element("details");
  const summary = element("summary", type.name + " ");
  summary.appendChild(element("span", type.kind.toLowerCase(), "kind"));
  details.appendChild(summary);
  if (type.description) details.appendChild(element("div", type.description, "desc"));
  for (const field of type.fields || type.inputFields || []) {
    const args = (field.args || []).map(a => a.name + ": " + typeName(a.type)).join(", ");
    details.appendChild(element("code", field.name + (args ? "(" + args + ")" : "") + ": " + typeName(field.type)));
    details.appendChild(element("div", field.description || "", "desc"));
  }
  for (const value of type.enumValues || []) {
    details.appendChild(element("code", value.name));
    details.appendChild(element("div", value.description || "", "desc"));
  }
  return details;
}

function renderDocs(schema, filterText) {
  const docs = document.getElementById("docs");
  docs.replaceChildren();
  const wanted = (filterText || "").toLowerCase();
  const roots = [schema.queryType && schema.queryType.name, schema.mutationType && schema.mutationType.name];
  const types = schema.types
    .filter(t => !t.name.startsWith("__"))
    .filter(t => !wanted || t.name.toLowerCase().includes(wanted))
    .sort((a, b) => (roots.includes(b.name) - roots.includes(a.name)) || a.name.localeCompare(b.name));
  for (const type of types) docs.appendChild(describeType(type));
}

async function run() {
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  let variables = {};
  try {
    const text = document.getElementById("variables").value.trim();
    variables = text ? JSON.parse(text) : {};
  } catch (e) {
    status.textContent = "Biến không phải JSON hợp lệ (variables are not valid JSON)";
    return;
  }
  status.textContent = "Đang chạy… (running)";
  const started = performance.now();
  try {
    const answer = await post(document.getElementById("query").value, variables, document.getElementById("apikey").value.trim());
    result.textContent = JSON.stringify(answer.body, null, 2);
    status.textContent = "HTTP " + answer.status + " · " + Math.round(performance.now() - started) + " ms";
  } catch (e) {
    status.textContent = "Lỗi mạng (network error): " + e.message;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("query").addEventListener("keydown", e => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
  });
  const docs = document.getElementById("docs");
  try {
    const answer = await post(introspection, {}, "");
    const schema = answer.body.data && answer.body.data.__schema;
    if (!schema) {
      const reason = (answer.body.errors || []).map(e => e.message).join(" ");
      docs.textContent = "Không tải được lược đồ (could not load the schema): HTTP " + answer.status + (reason ? " · " + reason : "");
      return;
    }
    renderDocs(schema, "");
    docs.dataset.loaded = String(schema.types.length);
    document.getElementById("filter").addEventListener("input", e => renderDocs(schema, e.target.value));
  } catch (e) {
    docs.textContent = "Không tải được lược đồ (could not load the schema): " + e.message;
  }
});
