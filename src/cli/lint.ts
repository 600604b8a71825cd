import { collectFiles } from './files';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';
import {
  checkSecretReference, evaluateManifests, formatInputError, formatNotice, ManifestInputError, MANIFEST_LEVEL_RULES,
  ManifestNotice, ManifestReadResult, parseManifests, readManifestFile,
} from './manifests';
import { RULE_SETS, selectRules } from './rule-selection';
import { packageVersion } from './version';
import { Finding } from '../rules/finding';
import { ManifestObject } from '../rules/model';
import { RuleReport } from '../rules/report';

/** How findings and notices name standard input. */
export const STDIN_NAME = '<stdin>';

export const LINT_USAGE = `Usage: cdk8s-gateways lint <file, folder or -> ... [options]

Checks Kubernetes YAML manifests against the cdk8s-gateways rules that can be judged
from manifests alone. Folders are searched recursively for .yaml and .yml files in sorted
order, skipping node_modules, folders whose name starts with ".", Helm chart folders, and
patch files that a kustomization names. "-" reads standard input
(kustomize build overlays/prod | cdk8s-gateways lint -).
Documents that are not Kubernetes objects (kustomization.yaml, Chart.yaml, values.yaml,
cdk8s.yaml, anything without apiVersion and kind) are skipped with a notice on stderr.
Suppress a finding with the annotation suppress.gateways.cdk8s.io/<RULE-ID>: "<reason>".

Options:
  --format text|json           Output format (default: text)
  --rules SET                  Rule set: ${Object.entries(RULE_SETS).map(([name, s]) => `${name} (${s.description})`).join('; ')}
  --only ID|AREA[,...]         Apply only these rules: rule IDs (CG-INGRESS-009) or areas (CG-TLS); repeatable
  --skip ID|AREA[,...]         Leave these rules out; repeatable
  --default-class NAME         The cluster's default IngressClass, defined outside these files
  --external-class NAME        An IngressClass that exists in the cluster but not in these files (repeatable)
  --external-secret NS/NAME    A TLS Secret that something outside these files provides (repeatable)
  --exclude GLOB               Leave out files and folders: a name (values*.yaml) or a path below a given
                               folder (overlays/**/patches); * and ? stay within a name, ** spans folders (repeatable)
  --version                    Print the version
  -h, --help                   Show this help

Exit codes: 0 no error-level findings, 1 error-level findings, 2 bad arguments or YAML that does not parse.
`;

export type LintFormat = 'text' | 'json';

export interface LintOptions {
  readonly paths: string[];
  readonly format: LintFormat;
  readonly externalClasses: string[];
  readonly externalSecrets: string[];
  readonly defaultClass?: string;
  readonly excludes: string[];
  readonly ruleSet?: string;
  readonly only: string[];
  readonly skip: string[];
}

type ParsedArgs =
  | { readonly kind: 'options'; readonly options: LintOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'error'; readonly message: string };

const VALUE_OPTIONS = ['--format', '--external-class', '--external-secret', '--default-class', '--exclude', '--rules', '--only', '--skip'];

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
  if (parsed.kind === 'version') {
    io.stdout(`cdk8s-gateways ${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`cdk8s-gateways lint: ${parsed.message}\n\n${LINT_USAGE}`);
    return EXIT_USAGE;
  }
  const { options } = parsed;
  const selection = selectRules(MANIFEST_LEVEL_RULES, { ruleSet: options.ruleSet, only: options.only, skip: options.skip });
  if ('error' in selection) {
    io.stderr(`cdk8s-gateways lint: ${selection.error}\n\n${LINT_USAGE}`);
    return EXIT_USAGE;
  }

  const readStdin = options.paths.includes('-');
  if (readStdin && !io.readStdin) {
    io.stderr(`cdk8s-gateways lint: standard input is not available here; pass files or folders\n\n${LINT_USAGE}`);
    return EXIT_USAGE;
  }
  const { files, errors, notices } = collectFiles(options.paths.filter((p) => p !== '-'), options.excludes);
  const sources: string[] = [];
  const objects: ManifestObject[] = [];
  const allNotices: ManifestNotice[] = [...notices];
  const take = (result: ManifestReadResult) => {
    for (const object of result.objects) objects.push(object); // no spread: a file may hold more objects than the stack allows arguments
    errors.push(...result.errors);
    allNotices.push(...result.notices);
  };
  // Standard input first when "-" is given: it is usually the only input.
  if (readStdin) {
    sources.push(STDIN_NAME);
    take(readStdinManifests(io));
  }
  for (const file of files) {
    sources.push(file);
    take(readManifestFile(file));
  }
  if (allNotices.length > 0) io.stderr(allNotices.map((n) => `${formatNotice(n)}\n`).join(''));
  if (errors.length > 0) {
    io.stderr(errors.map((e: ManifestInputError) => `${formatInputError(e)}\n`).join(''));
    return EXIT_USAGE;
  }

  const { report, failure } = evaluateManifests(objects, new Set(options.externalClasses), new Set(options.externalSecrets), {
    defaultIngressClass: options.defaultClass,
    rules: selection.rules,
  });
  if (failure !== undefined) {
    io.stderr(`cdk8s-gateways lint: ${failure}\n`);
    return EXIT_USAGE;
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(report.toJson(), undefined, 2)}\n`);
  } else {
    io.stdout(formatText(report, sources, objects.length, allNotices.length));
  }
  return report.errors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function readStdinManifests(io: CliIo): ManifestReadResult {
  let text: string;
  try {
    text = io.readStdin!();
  } catch (err) {
    return { objects: [], errors: [{ file: STDIN_NAME, message: `cannot read standard input (${err instanceof Error ? err.message : String(err)})` }], notices: [] };
  }
  return parseManifests(text, STDIN_NAME);
}

/** Parses the arguments after `lint`. Options may come before or after paths; `--` ends options. */
export function parseLintArgs(argv: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const externalClasses: string[] = [];
  const externalSecrets: string[] = [];
  const excludes: string[] = [];
  const only: string[] = [];
  const skip: string[] = [];
  let defaultClass: string | undefined;
  let ruleSet: string | undefined;
  let format: LintFormat = 'text';
  let onlyPaths = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--version') return { kind: 'version' };

    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.includes(name)) return { kind: 'error', message: `unknown option ${name}` };
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
      case '--default-class':
        if (value.trim() === '') return { kind: 'error', message: '--default-class needs an IngressClass name' };
        defaultClass = value;
        break;
      case '--exclude':
        if (value.trim() === '') return { kind: 'error', message: '--exclude needs a glob such as "values*.yaml"' };
        excludes.push(value);
        break;
      case '--rules':
        ruleSet = value;
        break;
      case '--only':
      case '--skip': {
        const selectors = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (selectors.length === 0) return { kind: 'error', message: `${name} needs rule IDs or areas such as CG-INGRESS-009 or CG-POD` };
        (name === '--only' ? only : skip).push(...selectors);
        break;
      }
      default: {
        const reason = checkSecretReference(value);
        if (reason) return { kind: 'error', message: `--external-secret: ${reason}` };
        externalSecrets.push(value);
      }
    }
  }

  if (paths.length === 0) return { kind: 'error', message: 'no files or folders given (use - for standard input)' };
  return { kind: 'options', options: { paths, format, externalClasses, externalSecrets, defaultClass, excludes, ruleSet, only, skip } };
}

/** Each unsuppressed finding with its fix, ordered by file and line, then the summary line. */
export function formatText(report: RuleReport, files: readonly string[], objectCount: number, skippedCount = 0): string {
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  const position = (f: Finding) => [fileOrder.get(f.file ?? '') ?? files.length, f.line ?? f.documentIndex ?? 0];
  const shown = [...report.errors, ...report.warnings]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const [fa, da] = position(a.f);
      const [fb, db] = position(b.f);
      return fa - fb || da - db || a.i - b.i;
    })
    .map(({ f }) => f);
  const lines = shown.flatMap((f) => [formatFindingLine(f), `    fix: ${f.fix}`]);
  const skipped = skippedCount > 0 ? `, ${skippedCount} skipped` : '';
  lines.push(`cdk8s-gateways lint: ${count(report.errors.length, 'error')}, ${count(report.warnings.length, 'warning')}, `
    + `${report.suppressed.length} suppressed (${count(objectCount, 'object')} in ${count(files.length, 'file')}${skipped})`);
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * `file:line kind/namespace/name RULE-ID [severity] field = value: message`, where line is where the
 * object's document starts; cluster-scoped objects read `kind/name`.
 */
export function formatFindingLine(f: Finding): string {
  const where = f.file !== undefined ? `${f.file}:${f.line ?? f.documentIndex ?? 0}` : (f.constructPath ?? '-');
  const name = f.name || '(unnamed)';
  const object = f.namespace === undefined ? `${f.kind}/${name}` : `${f.kind}/${f.namespace}/${name}`;
  const subject = f.field ? `${f.field}${f.value !== undefined ? ` = ${f.value}` : ''}: ` : '';
  return `${where} ${object} ${f.ruleId} [${f.severity}] ${subject}${f.message}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
