/**
 * Writes the README rules table from the rule catalogue, between the rules-table markers.
 * With --check it changes nothing and fails when the committed table is stale.
 */
import { RuleCatalogue } from '../src';
import { writeReadmeSection } from './readme-section';


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

writeReadmeSection('rules-table', table, `${rows.length} rules`);
