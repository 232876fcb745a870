/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command
 * line, e.g. `npm run bench -- synth`) one after another and prints their figures.
 */
import * as fs from 'fs';
import * as path from 'path';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
    .sort();
  for (const file of files) {
    console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
    const bench = require(path.join(__dirname, file)) as { run: () => Promise<void> };
    await bench.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
