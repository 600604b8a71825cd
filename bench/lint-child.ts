/**
 * One lint benchmark measurement, in its own process so its peak RSS is its own:
 *
 *   node lint-child.js lint <dir>    `cdk8s-gateways lint <dir> --format json` through the CLI entry point
 *   node lint-child.js parse <dir>   baseline (a): read every .yaml file lint reads and parse it with the yaml package
 *                                    (parseAllDocuments + toJS: how lint read YAML before it had its own reader)
 *   node lint-child.js read <dir>    baseline (b): the same files through lint's YAML reader only (no model, no rules)
 *
 * Prints one RESULT_MARKER line. Modules load before the clock starts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { RESULT_MARKER } from './protocol';
import { runCli } from '../src/cli/cli';

export interface LintChildResult {
  readonly mode: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakRssMB: number;
  /** Objects read (parse), or the bytes of the JSON report (lint). */
  readonly count: number;
  readonly exitCode: number;
}

/** The files the baseline parses: every .yaml below dir, outside Helm chart folders (which lint skips too). */
function yamlFiles(dir: string, out: string[] = []): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (entries.some((e) => e.name === 'Chart.yaml')) return out;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(full, out);
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

/**
 * lint's own reader, loaded only in `read` mode: `--against <revision>` runs this child on older sources,
 * which may not have it.
 */
let readYamlDocuments: ((text: string) => { documents: Array<{ value: unknown }> }) | undefined;

function parseOnly(dir: string, fast: boolean): number {
  let objects = 0;
  for (const file of yamlFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const values = fast ? readYamlDocuments!(text).documents.map((d) => d.value) : parseAllDocuments(text).map((doc) => doc.toJS());
    for (const json of values) {
      if (json && typeof json === 'object' && 'kind' in json) objects++;
    }
  }
  return objects;
}

function main(): void {
  const [mode, dir] = process.argv.slice(2);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (mode === 'read') readYamlDocuments = require('../src/cli/yaml-documents').readYamlDocuments;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let count = 0;
  let exitCode = 0;
  if (mode === 'parse' || mode === 'read') {
    count = parseOnly(dir, mode === 'read');
  } else if (mode === 'lint') {
    exitCode = runCli(['lint', dir, '--format', 'json'], { stdout: (text) => { count += text.length; }, stderr: () => undefined });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const result: LintChildResult = {
    mode, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMB: process.resourceUsage().maxRSS / 1024, count, exitCode,
  };
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main();
