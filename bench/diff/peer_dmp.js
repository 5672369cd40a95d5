// diff-match-patch in its word mode (the wiki recipe: each word -> one code
// unit, via diff_linesToChars_ on a text with one word per line), default
// Diff_Timeout (1 s), then cleanupSemantic. Prints changed non-whitespace chars.
const fs = require('fs');
const DMP = require('diff-match-patch');
const dmp = new DMP();
const a = fs.readFileSync(process.argv[2], 'utf8');
const b = fs.readFileSync(process.argv[3], 'utf8');
const words = (s) => s.match(/\s+|[^\s]+/g) || [];
const ta = words(a).join('\n') + '\n';
const tb = words(b).join('\n') + '\n';
const enc = dmp.diff_linesToChars_(ta, tb);
const diffs = dmp.diff_main(enc.chars1, enc.chars2, false);
dmp.diff_charsToLines_(diffs, enc.lineArray);
dmp.diff_cleanupSemantic(diffs);
let changed = 0;
for (const [op, text] of diffs) if (op !== 0) changed += text.replace(/\s+/g, '').length;
console.log(`changed_chars ${changed}`);
