// The Node.js signature check that docs/integrators.md gives webhook consumers, run on deliveries the service really
// sent (captured by the end-to-end receiver). Only node:crypto: nothing to install. WebhookDocsTests keeps the
// function below identical to the one in the docs.
//
// usage: node webhooks-verify.mjs <deliveries.json> <secret>
//   deliveries.json: [{ "id", "timestamp", "signature", "body" (base64 of the raw bytes), "expect": true|false }]
// prints one JSON report; exits 1 when a verdict differs from "expect".
import { readFile } from "node:fs/promises";
import crypto from "node:crypto";

// BEGIN verify
function verifyWebhook(secret, headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false; // refuse replays of old messages
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = crypto.createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), rawBody]))
    .digest("base64");
  // Several signatures during a secret rotation; one valid one is enough.
  return signatures.split(" ").some((s) => {
    const [version, value] = s.split(",");
    return version === "v1" && value !== undefined && value.length === expected.length
      && crypto.timingSafeEqual(Buffer.from(value), Buffer.from(expected));
  });
}
// END verify

const [file, secret] = process.argv.slice(2);
if (!file || !secret) {
  console.error("usage: node webhooks-verify.mjs <deliveries.json> <secret>");
  process.exit(2);
}
const deliveries = JSON.parse(await readFile(file, "utf8"));
const results = deliveries.map((d) => {
  const valid = verifyWebhook(secret, {
    "webhook-id": d.id, "webhook-timestamp": d.timestamp, "webhook-signature": d.signature,
  }, Buffer.from(d.body, "base64"));
  return { id: d.id, valid, expected: d.expect };
});
const wrong = results.filter((r) => r.valid !== r.expected);
console.log(JSON.stringify({ node: process.version, checked: results.length, wrong }, null, 2));
process.exit(wrong.length === 0 ? 0 : 1);
