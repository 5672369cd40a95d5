// Word diff with npm `diff` (jsdiff diffWords); prints changed non-whitespace chars.
const fs = require('fs');
const Diff = require('diff');
const a = fs.readFileSync(process.argv[2], 'utf8');
const b = fs.readFileSync(process.argv[3], 'utf8');
const parts = Diff.diffWords(a, b);
let changed = 0;
for (const p of parts) if (p.added || p.removed) changed += p.value.replace(/\s+/g, '').length;
console.log(`changed_chars ${changed}`);
