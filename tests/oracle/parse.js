// Reads drafts from standard input, one JSON string a line, and prints for each the
// official twitter-text library's parseTweet result (default configuration, version 3)
// as one JSON object a line. Used by tests/compose_oracle.rs.
'use strict';
const twitter = require('twitter-text');
const readline = require('readline');

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
  if (line.trim() === '') return;
  const text = JSON.parse(line);
  const r = twitter.parseTweet(text);
  out.push(JSON.stringify({
    weightedLength: r.weightedLength,
    valid: r.valid,
    permillage: r.permillage,
    validRangeEnd: r.validRangeEnd,
    displayRangeEnd: r.displayRangeEnd,
  }));
});
rl.on('close', () => {
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
});
