// Checks the deployment kit without a container engine (none runs on the build machines):
//  1. deploy/compose.yaml, with the variables of deploy/.env.example substituted as Compose does, against the
//     Compose Specification's JSON schema (compose-spec/compose-spec, schema/compose-spec.json, Apache-2.0,
//     commit 170098ba07d9f53c383a41bfd4c5166b0a4529a6), and every required variable present in .env.example;
//  2. deploy/Dockerfile through dockerfilelint 1.8.0.
// Usage: node deploy-check.mjs <compose.yaml> <.env.example> <Dockerfile>; prints one JSON report, exit 0 or 1.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const dockerfilelint = require("dockerfilelint");
const [composePath, envPath, dockerfilePath] = process.argv.slice(2);
const problems = [];

const env = {};
for (const line of readFileSync(envPath, "utf8").split(/\r?\n/)) {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
  if (m) env[m[1]] = m[2];
}

// Compose interpolation: $$, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $VAR.
function interpolate(text, where) {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (all, name, op, arg, bare) => {
      if (all === "$$") return "$";
      if (bare) return env[bare] ?? "";
      const value = env[name];
      const unset = value === undefined, empty = unset || value === "";
      if (op === ":-") return empty ? interpolate(arg, where) : value;
      if (op === "-") return unset ? interpolate(arg, where) : value;
      if (op === ":?" || op === "?") {
        if (op === ":?" ? empty : unset) problems.push(`${where}: required variable ${name} is not set in ${envPath} (${arg})`);
        return value ?? "";
      }
      return value ?? "";
    });
}
function walk(node, path) {
  if (typeof node === "string") return interpolate(node, path);
  if (Array.isArray(node)) return node.map((v, i) => walk(v, `${path}[${i}]`));
  if (node && typeof node === "object") {
    const out = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v, `${path}.${k}`);
    return out;
  }
  return node;
}

const composeText = readFileSync(composePath, "utf8");
let compose;
try {
  // merge: true resolves "<<: *anchor" as Compose does; uniqueKeys refuses a key written twice.
  compose = walk(parse(composeText, { merge: true, uniqueKeys: true }), "compose");
} catch (e) {
  problems.push(`compose: not valid YAML: ${e.message}`);
}
if (compose) {
  const schema = JSON.parse(readFileSync(new URL("./schemas/compose-spec.json", import.meta.url), "utf8"));
  // The schema names its draft as https://json-schema.org/draft-07/schema, which Ajv knows under http://: Ajv
  // compiles it as draft-07 (its default) without fetching the meta-schema.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
  const validate = ajv.compile(schema);
  if (!validate(compose))
    for (const e of validate.errors) problems.push(`compose${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
}

const dockerfile = readFileSync(dockerfilePath, "utf8");
for (const f of dockerfilelint.run("/nonexistent-config", dockerfile))
  problems.push(`Dockerfile line ${f.line}: ${f.title} (${f.rule})`);

console.log(JSON.stringify({ services: compose ? Object.keys(compose.services ?? {}) : [], problems }, null, 2));
process.exit(problems.length === 0 ? 0 : 1);
