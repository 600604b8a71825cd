import * as fs from 'fs';
import * as path from 'path';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';
import { checkSecretReference, evaluateManifests, formatInputError, ManifestInputError, readManifestFile } from './manifests';
import { Finding } from '../rules/finding';
import { ManifestObject } from '../rules/model';
import { RuleReport } from '../rules/report';

export const LINT_USAGE = `Usage: cdk8s-gateways lint <file or folder>... [options]

Checks Kubernetes YAML manifests against the cdk8s-gateways rules that can be judged
from manifests alone. Folders are searched recursively for .yaml and .yml files
(skipping node_modules and folders whose name starts with "."), in sorted order.
Suppress a finding with the annotation suppress.gateways.cdk8s.io/<RULE-ID>: "<reason>".

Options:
  --format text|json           Output format (default: text)
  --external-class NAME        An IngressClass that exists in the cluster but not in these files (repeatable)
  --external-secret NS/NAME    A TLS Secret that something outside these files provides (repeatable)
  -h, --help                   Show this help

Exit codes: 0 no error-level findings, 1 error-level findings, 2 bad arguments or unreadable input.
`;

export type LintFormat = 'text' | 'json';

export interface LintOptions {
  readonly paths: string[];
  readonly format: LintFormat;
  readonly externalClasses: string[];
  readonly externalSecrets: string[];
}

type ParsedArgs = { readonly kind: 'options'; readonly options: LintOptions } | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

/**
 * `cdk8s-gateways lint`: checks YAML manifests and returns the exit code.
 * `argv` holds the arguments after the `lint` command. Never throws for user mistakes.
 */
export function runLint(argv: readonly string[], io: CliIo): number {
  const parsed = parseLintArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(LINT_USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`cdk8s-gateways lint: ${parsed.message}\n\n${LINT_USAGE}`);
    return EXIT_USAGE;
  }
  const { options } = parsed;

  const { files, errors } = collectFiles(options.paths);
  const objects: ManifestObject[] = [];
  for (const file of files) {
    const result = readManifestFile(file);
    for (const object of result.objects) objects.push(object); // no spread: a file may hold more objects than the stack allows arguments
    errors.push(...result.errors);
  }
  if (errors.length > 0) {
    io.stderr(errors.map((e) => `${formatInputError(e)}\n`).join(''));
    return EXIT_USAGE;
  }

  const { report, failure } = evaluateManifests(objects, new Set(options.externalClasses), new Set(options.externalSecrets));
  if (failure !== undefined) {
    io.stderr(`cdk8s-gateways lint: ${failure}\n`);
    return EXIT_USAGE;
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(report.toJson(), undefined, 2)}\n`);
  } else {
    io.stdout(formatText(report, files, objects.length));
  }
  return report.errors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Parses the arguments after `lint`. Options may come before or after paths; `--` ends options. */
export function parseLintArgs(argv: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const externalClasses: string[] = [];
  const externalSecrets: string[] = [];
  let format: LintFormat = 'text';
  let onlyPaths = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return { kind: 'error', message: 'reading from standard input is not supported; pass files or folders' };
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };

    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!['--format', '--external-class', '--external-secret'].includes(name)) {
      return { kind: 'error', message: `unknown option ${name}` };
    }
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      value = argv[++i];
    } else {
      return { kind: 'error', message: `${name} needs a value` };
    }

    switch (name) {
      case '--format':
        if (value !== 'text' && value !== 'json') return { kind: 'error', message: `--format must be text or json (got "${value}")` };
        format = value;
        break;
      case '--external-class':
        if (value.trim() === '') return { kind: 'error', message: '--external-class needs an IngressClass name' };
        externalClasses.push(value);
        break;
      default: {
        const reason = checkSecretReference(value);
        if (reason) return { kind: 'error', message: `--external-secret: ${reason}` };
        externalSecrets.push(value);
      }
    }
  }

  if (paths.length === 0) return { kind: 'error', message: 'no files or folders given' };
  return { kind: 'options', options: { paths, format, externalClasses, externalSecrets } };
}

/**
 * Expands the arguments into YAML files: files as given, folders recursively in sorted order.
 * Each file appears once, at its first position.
 */
export function collectFiles(paths: readonly string[]): { files: string[]; errors: ManifestInputError[] } {
  const files: string[] = [];
  const errors: ManifestInputError[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push({ file: p, message: 'no such file or directory' });
      continue;
    }
    if (!stat.isDirectory()) {
      add(p);
      continue;
    }
    const found: string[] = [];
    const errorsBefore = errors.length;
    walk(p, found, errors, new Set());
    if (found.length === 0 && errors.length === errorsBefore) errors.push({ file: p, message: 'no .yaml or .yml files found in this folder' });
    found.forEach(add);
  }
  return { files, errors };
}

function walk(dir: string, found: string[], errors: ManifestInputError[], visited: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return; // a symlink loop
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name));
  } catch (err) {
    errors.push({ file: dir, message: `cannot read folder (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, found, errors, visited);
    } else if (isFile && /\.ya?ml$/i.test(entry.name)) {
      found.push(full);
    }
  }
}

/** Code-point order, so the file order is the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One line per unsuppressed finding, ordered by file and document, then the summary line. */
export function formatText(report: RuleReport, files: readonly string[], objectCount: number): string {
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  const position = (f: Finding) => [fileOrder.get(f.file ?? '') ?? files.length, f.documentIndex ?? 0];
  const shown = [...report.errors, ...report.warnings]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const [fa, da] = position(a.f);
      const [fb, db] = position(b.f);
      return fa - fb || da - db || a.i - b.i;
    })
    .map(({ f }) => f);
  const lines = shown.map(formatFindingLine);
  lines.push(`cdk8s-gateways lint: ${count(report.errors.length, 'error')}, ${count(report.warnings.length, 'warning')}, `
    + `${report.suppressed.length} suppressed (${count(objectCount, 'object')} in ${count(files.length, 'file')})`);
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * `file:document-index kind/namespace/name RULE-ID [severity] field = value: message`;
 * cluster-scoped objects read `kind/name`.
 */
export function formatFindingLine(f: Finding): string {
  const where = f.file !== undefined ? `${f.file}:${f.documentIndex ?? 0}` : (f.constructPath ?? '-');
  const name = f.name || '(unnamed)';
  const object = f.namespace === undefined ? `${f.kind}/${name}` : `${f.kind}/${f.namespace}/${name}`;
  const subject = f.field ? `${f.field}${f.value !== undefined ? ` = ${f.value}` : ''}: ` : '';
  return `${where} ${object} ${f.ruleId} [${f.severity}] ${subject}${f.message}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
