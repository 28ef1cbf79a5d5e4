// The reference side of `cargo bench --bench compose`: times the official twitter-text
// library's parseTweet (version 3, its default) over the same drafts that the Rust side
// counts, so that one run gives both figures on the same machine under the same load.
//
// Usage: node benches/compose_reference.js DRAFTS.json [ROUNDS]
//   DRAFTS.json is a JSON array of strings. The library is loaded from tests/oracle
//   (`npm ci --prefix tests/oracle` installs it).
// Prints one JSON object: the library's version, drafts, rounds, the best round's drafts/s, every round's
// drafts/s, and the sum of weighted lengths (a check that the drafts were all counted).
'use strict';
const fs = require('fs');
const path = require('path');

const [draftsPath, roundsArg] = process.argv.slice(2);
if (!draftsPath) {
  console.error('usage: node benches/compose_reference.js DRAFTS.json [ROUNDS]');
  process.exit(2);
}
const rounds = Math.max(1, parseInt(roundsArg || '5', 10));
const library = path.join(__dirname, '..', 'tests', 'oracle', 'node_modules', 'twitter-text');
const twitter = require(library);
const version = require(path.join(library, 'package.json')).version;
const drafts = JSON.parse(fs.readFileSync(draftsPath, 'utf8'));

function pass() {
  let sum = 0;
  for (let i = 0; i < drafts.length; i++) {
    sum += twitter.parseTweet(drafts[i]).weightedLength;
  }
  return sum;
}

// Two untimed passes let V8 compile the hot paths (its optimising compiler steps in
// after a few thousand calls), as the Rust side warms its caches and lazy patterns.
pass();
pass();

let weighted = 0;
const perSecond = [];
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  weighted = pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  perSecond.push(drafts.length / seconds);
}
process.stdout.write(JSON.stringify({
  version,
  drafts: drafts.length,
  rounds,
  best: Math.max(...perSecond),
  perRound: perSecond.map(Math.round),
  weightedLength: weighted,
}) + '\n');
