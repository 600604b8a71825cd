/**
 * Writes the README rules table from the rule catalogue, between the rules-table markers.
 * With --check it changes nothing and fails when the committed table is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RuleCatalogue } from '../src';

const README = path.resolve(__dirname, '..', 'README.md');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

const rows = RuleCatalogue.all().map((rule) =>
  `| \`${rule.id}\` | ${rule.severity} | ${rule.manifestLevel ? 'yes' : 'no'} | ${escapeCell(rule.description)} | ${escapeCell(rule.fix)} |`);
const table = [
  '| ID | Severity | In `lint` and the plugin | What it catches | How to fix |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');

const readme = fs.readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end === -1 || end < start) {
  console.error(`README.md needs the markers ${START} and ${END}`);
  process.exit(1);
}
const updated = `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('The README rules table is out of date: run `npx projen rules-table` and commit README.md');
    process.exit(1);
  }
  console.log(`README rules table is current (${rows.length} rules)`);
} else {
  fs.writeFileSync(README, updated);
  console.log(`README rules table written (${rows.length} rules)`);
}
