// graphql-js (the reference implementation, what GraphiQL, Postman, Insomnia, Altair and graphql-codegen build on)
// against the live service: loads the schema with getIntrospectionQuery() as the tools send it, builds a client
// schema, compares it with the committed SDL, and validates real client operations against it.
//
// usage: node graphql-introspection.mjs <endpoint URL> <committed SDL file>
// prints one JSON report on stdout; exits 1 when anything fails (the report says what).
import { readFile } from "node:fs/promises";
import {
  GraphQLSchema, assertValidSchema, buildClientSchema, buildSchema, findBreakingChanges, findDangerousChanges,
  getIntrospectionQuery, lexicographicSortSchema, parse, printSchema, validate, version,
} from "graphql";

const [endpoint, sdlPath] = process.argv.slice(2);
if (!endpoint || !sdlPath) {
  console.error("usage: node graphql-introspection.mjs <endpoint URL> <committed SDL file>");
  process.exit(2);
}

const failures = [];
const report = { graphqlJs: version, endpoint, introspection: {}, sdl: {}, operations: [] };

async function post(query, variables, operationName) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { unparsable: text.slice(0, 500) }; }
  return { status: response.status, body };
}

// The two queries tools send: the default, and every option graphql-js 16 has (GraphQL.NET 8 supports all five).
const modes = {
  default: undefined,
  modern: { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true },
};

const schemas = {};
for (const [mode, options] of Object.entries(modes)) {
  const { status, body } = await post(getIntrospectionQuery(options), undefined, "IntrospectionQuery");
  const entry = { status, errors: body.errors ?? null };
  report.introspection[mode] = entry;
  if (status !== 200 || body.errors || !body.data) {
    failures.push(`${mode} introspection answered ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
    continue;
  }
  try {
    const schema = buildClientSchema(body.data);
    assertValidSchema(schema);
    schemas[mode] = schema;
    const types = Object.keys(schema.getTypeMap()).filter(n => !n.startsWith("__"));
    entry.types = types.length;
    entry.directives = schema.getDirectives().map(d => d.name + (d.isRepeatable ? " (repeatable)" : ""));
    if (mode === "modern") {
      entry.description = body.data.__schema.description;
      entry.specifiedByURL = body.data.__schema.types.filter(t => t.specifiedByURL).map(t => `${t.name}: ${t.specifiedByURL}`);
      entry.oneOf = body.data.__schema.types.filter(t => t.isOneOf).map(t => t.name);
      if (!entry.description) failures.push("modern introspection: __schema.description is empty");
      if (body.data.__schema.directives.some(d => typeof d.isRepeatable !== "boolean"))
        failures.push("modern introspection: a directive has no boolean isRepeatable");
      const inputValues = body.data.__schema.types.flatMap(t => [...(t.inputFields ?? []), ...(t.fields ?? []).flatMap(f => f.args)]);
      if (inputValues.some(v => typeof v.isDeprecated !== "boolean"))
        failures.push("modern introspection: an input value has no boolean isDeprecated");
    }
  } catch (e) {
    failures.push(`${mode} introspection: graphql-js could not build a client schema: ${e.message}`);
  }
}

// The committed SDL and the introspected schema, both printed by graphql-js after sorting, must be the same text:
// same types, fields, arguments, default values, enum values, descriptions and deprecations.
const committed = await readFile(sdlPath, "utf8");
let committedSchema;
try {
  committedSchema = buildSchema(committed);
  report.sdl.committedTypes = Object.keys(committedSchema.getTypeMap()).filter(n => !n.startsWith("__")).length;
} catch (e) {
  failures.push(`graphql-js cannot build the committed SDL ${sdlPath}: ${e.message}`);
}
const canonical = s => printSchema(lexicographicSortSchema(s));
for (const [mode, schema] of Object.entries(schemas)) {
  if (!committedSchema) break;
  const served = canonical(schema);
  // The default query does not ask for the schema's description (schemaDescription: false).
  const expected = canonical(modes[mode]?.schemaDescription ? committedSchema
    : new GraphQLSchema({ ...committedSchema.toConfig(), description: undefined }));
  const same = served === expected;
  report.sdl[mode] = { sameAsCommitted: same };
  if (!same) {
    const a = expected.split("\n"), b = served.split("\n");
    const line = a.findIndex((l, i) => l !== b[i]);
    const changes = [...findBreakingChanges(committedSchema, schema), ...findDangerousChanges(committedSchema, schema),
      ...findBreakingChanges(schema, committedSchema)].map(c => `${c.type}: ${c.description}`)
      // buildSchema adds graphql-js's own directives (@specifiedBy, @oneOf), which the SDL does not print.
      .filter(c => !/^DIRECTIVE_REMOVED: (specifiedBy|oneOf|deprecated|include|skip) was removed/.test(c));
    report.sdl[mode].firstDifference = { line: line + 1, committed: a[line], introspected: b[line] };
    report.sdl[mode].changes = changes.slice(0, 30);
    failures.push(`${mode}: the schema graphql-js rebuilt from introspection differs from ${sdlPath} at line ${line + 1}`);
  }
}

// Operations a client writes (the explorer's default query, the docs' filters, a paged organization, a mutation).
// graphql-js must accept them; the queries must also run on the service without errors.
const operations = [
  {
    name: "search (explorer default)", run: true,
    query: `{ tasks(query: "chè", first: 5) { totalCount nodes { id code title organization { name } outputs { type title } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: "search with enum filters, order and facets", run: true,
    query: `query Search($q: String, $filter: TaskFilter, $after: String) {
      tasks(query: $q, filter: $filter, orderBy: { field: newest, direction: descending }, first: 10, after: $after) {
        totalCount relaxed
        edges { cursor node { id code title kind level status startDate budget { totalVnd } } }
        facets(names: [level, kind, status]) { name buckets { key displayName count } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    variables: { q: "giống chè", filter: { level: ["provincial", "national"], kind: ["researchProject"], status: ["accepted", "applied"], yearFrom: 2020, transferable: true } },
  },
  {
    name: "enum literals in the filter", run: true,
    query: `{ tasks(filter: { level: [provincial], status: [inProgress] }, first: 3) { totalCount nodes { level status } } }`,
  },
  {
    name: "organization with its tasks", run: true,
    query: `query Org { organizations(first: 3) { totalCount nodes { id name taskCount tasks(first: 2) { nodes { id title } } } } }`,
  },
  {
    name: "fields, stats and suggestions", run: true,
    query: `{ fields { code nameVi taskCount sectors { code nameVi } } suggest(query: "ch") { text count } }`,
  },
  {
    name: "create a task (validated only)", run: false,
    query: `mutation Create($input: TaskInput!) { createTask(input: $input) { outcome message version task { id code visibility } } }`,
  },
];
// Negative controls: graphql-js must refuse these, or the checks above prove nothing.
const refused = [
  { name: "a level that is not a TaskLevel", query: `{ tasks(filter: { level: [foo] }) { totalCount } }` },
  { name: "a level given as a string", query: `{ tasks(filter: { level: ["provincial"] }) { totalCount } }` },
  { name: "an unknown field", query: `{ tasks { nodes { email } } }` },
];

const client = schemas.modern ?? schemas.default;
if (client) {
  for (const op of operations) {
    const errors = validate(client, parse(op.query)).map(e => e.message);
    const entry = { name: op.name, validGraphqlJs: errors.length === 0 };
    if (errors.length) failures.push(`graphql-js refuses "${op.name}": ${errors.join("; ")}`);
    if (op.run) {
      const { status, body } = await post(op.query, op.variables);
      entry.status = status;
      entry.serviceErrors = body.errors ?? null;
      if (status !== 200 || body.errors) failures.push(`the service refused "${op.name}" (${status}): ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
    }
    report.operations.push(entry);
  }
  for (const op of refused) {
    const errors = validate(client, parse(op.query)).map(e => e.message);
    report.operations.push({ name: op.name, refusedByGraphqlJs: errors });
    if (!errors.length) failures.push(`graphql-js accepted "${op.name}", which must be refused`);
  }
}

report.failures = failures;
console.log(JSON.stringify(report, null, 2));
process.exit(failures.length ? 1 : 0);
