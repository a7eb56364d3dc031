// Prints the gzipped size of every JS and CSS file in dist/, and the total.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css)$/.test(name)) files.push(path);
  }
})(dist);
files.sort();
let raw = 0;
let gz = 0;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' kB';
console.log('gzipped sizes (dist/):');
for (const f of files) {
  const bytes = readFileSync(f);
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`${kb(z)} gzip ${kb(bytes.length)} raw  ${relative(dist, f)}`);
}
console.log(`${kb(gz)} gzip ${kb(raw)} raw  total (${files.length} files)`);
