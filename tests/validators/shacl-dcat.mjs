// Validates an RDF document against SHACL shapes with rdf-validate-shacl (the shapes and vocabulary are files).
//
//   node shacl-dcat.mjs <data.jsonld|data.ttl> --shapes <a.ttl> [<b.ttl> ...] [--vocabulary <v.ttl> ...]
//
// JSON-LD is turned into RDF with jsonld.js (no network: a remote @context is refused), Turtle is read with N3.js.
// Vocabulary files join the data graph, because SHACL reads rdf:type and rdfs:subClassOf there (sh:class).
// Prints one JSON object: { conforms, triples, skippedImports, violations: [...], warnings: [...], infos: [...] }.
// Exit code: 0 when there is no sh:Violation, 1 when there is, 2 when the input cannot be read.
import { readFile } from 'node:fs/promises';
import rdf from 'rdf-ext';
import { Parser } from 'n3';
import jsonld from 'jsonld';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';

function parseArguments(argv) {
  const result = { data: null, shapes: [], vocabulary: [] };
  let list = null;
  for (const arg of argv) {
    if (arg === '--shapes') list = result.shapes;
    else if (arg === '--vocabulary') list = result.vocabulary;
    else if (list) list.push(arg);
    else result.data = arg;
  }
  if (!result.data || result.shapes.length === 0)
    throw new Error('usage: shacl-dcat.mjs <data> --shapes <file>... [--vocabulary <file>...]');
  return result;
}

async function readTurtle(path, dataset) {
  const text = await readFile(path, 'utf8');
  const quads = new Parser({ baseIRI: 'file://' + path }).parse(text);
  for (const q of quads) dataset.add(rdf.quad(q.subject, q.predicate, q.object));
}

async function readJsonLd(path, dataset) {
  const doc = JSON.parse(await readFile(path, 'utf8'));
  const documentLoader = async (url) => { throw new Error(`remote context refused: ${url}`); };
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: true });
  for (const q of new Parser({ format: 'N-Quads' }).parse(nquads)) dataset.add(rdf.quad(q.subject, q.predicate, q.object));
}

async function read(path, dataset) {
  if (/\.(jsonld|json)$/i.test(path)) await readJsonLd(path, dataset);
  else await readTurtle(path, dataset);
}

function describe(result) {
  const term = (t) => (t ? t.value : null);
  return {
    focusNode: term(result.focusNode),
    path: term(result.path),
    value: term(result.value),
    message: result.message.map((m) => m.value).join(' ') || null,
    constraint: term(result.sourceConstraintComponent)?.replace(SH, 'sh:'),
    shape: term(result.sourceShape),
  };
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  const shapes = rdf.dataset();
  for (const file of args.shapes) await readTurtle(file, shapes);
  const data = rdf.dataset();
  try {
    await read(args.data, data);
  } catch (error) {
    console.log(JSON.stringify({ error: `cannot read ${args.data}: ${error.message}` }));
    process.exit(2);
  }
  const triples = data.size;
  for (const file of args.vocabulary) await readTurtle(file, data);

  // No network: an owl:imports in a shapes file (deprecateduris.ttl imports ADMS_SKOS_v1.00.rdf) is noted, not fetched;
  // what the checks need from it is in the vocabulary files, which join the data graph.
  const skippedImports = [];
  const importGraph = async (url) => { skippedImports.push(url.value); return rdf.dataset(); };
  const validator = new SHACLValidator(shapes, { importGraph });
  const report = await validator.validate(data);
  const bySeverity = (name) => report.results.filter((r) => r.severity?.value === SH + name).map(describe);
  const output = {
    conforms: report.conforms,
    triples,
    skippedImports,
    violations: bySeverity('Violation'),
    warnings: bySeverity('Warning'),
    infos: bySeverity('Info'),
  };
  console.log(JSON.stringify(output, null, 2));
  process.exit(output.violations.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exit(2);
});
