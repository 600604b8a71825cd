/**
 * Writes a generated table into README.md between `<!-- <marker>:start -->` and `<!-- <marker>:end -->`.
 * With --check on the command line it changes nothing and exits 1 when the committed section is stale.
 */
import * as fs from 'fs';
import * as path from 'path';

const README = path.resolve(__dirname, '..', 'README.md');

/**
 * @param marker the section's marker name, also the projen task that regenerates it
 * @param table the section's content
 * @param summary what the table holds, for the log line (for example "54 rules")
 */
export function writeReadmeSection(marker: string, table: string, summary: string): void {
  const startMarker = `<!-- ${marker}:start -->`;
  const endMarker = `<!-- ${marker}:end -->`;
  const readme = fs.readFileSync(README, 'utf8');
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) {
    console.error(`README.md needs the markers ${startMarker} and ${endMarker}`);
    process.exit(1);
  }
  const updated = `${readme.slice(0, start + startMarker.length)}\n${table}\n${readme.slice(end)}`;
  const name = marker.replace(/-/g, ' ');
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error(`The README ${name} is out of date: run \`npx projen ${marker}\` and commit README.md`);
      process.exit(1);
    }
    console.log(`README ${name} is current (${summary})`);
  } else {
    fs.writeFileSync(README, updated);
    console.log(`README ${name} written (${summary})`);
  }
}
