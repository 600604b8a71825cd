import * as fs from 'fs';
import * as path from 'path';
import { readYamlDocuments } from './yaml-documents';
import { ALL_RULES } from '../rules/catalogue';
import { evaluate } from '../rules/evaluate';
import { ClusterModel, ManifestObject, ManifestOrigin } from '../rules/model';
import { RuleReport } from '../rules/report';
import { Rule } from '../rules/rule';

/**
 * Reading Kubernetes manifests from YAML into the objects the rules judge.
 * Shared by `cdk8s-gateways lint` and the `cdk8s synth` validation plugin.
 */

/** The rules that need nothing but manifests: what `lint` and the validation plugin apply. */
export const MANIFEST_LEVEL_RULES: readonly Rule[] = ALL_RULES.filter((rule) => rule.manifestLevel);

/** Something that stops a manifest from being read: the input is unusable, not merely non-compliant. */
export interface ManifestInputError {
  readonly file: string;
  /** Zero-based index of the YAML document, when the problem is inside one document and the message has no line. */
  readonly documentIndex?: number;
  readonly message: string;
}

/** Something that was read but not checked, and why: a kustomization, Helm values, a document without apiVersion and kind. */
export interface ManifestNotice {
  readonly file: string;
  /** One-based line where the skipped document starts; absent for a whole file or folder. */
  readonly line?: number;
  readonly message: string;
}

export interface ManifestReadResult {
  readonly objects: ManifestObject[];
  readonly errors: ManifestInputError[];
  /** Documents skipped because they are not Kubernetes objects. */
  readonly notices: ManifestNotice[];
}

/** `file: message`, or `file:index: message` for a problem in one document. */
export function formatInputError(error: ManifestInputError): string {
  return error.documentIndex === undefined ? `${error.file}: ${error.message}` : `${error.file}:${error.documentIndex}: ${error.message}`;
}

/** `file:line: skipped ...`, the way editors and CI logs link to a position. */
export function formatNotice(notice: ManifestNotice): string {
  return `${notice.file}${notice.line !== undefined ? `:${notice.line}` : ''}: ${notice.message}`;
}

/** Reads one manifest file; a missing or unreadable file is an input error, never an exception. */
export function readManifestFile(file: string): ManifestReadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (err) {
    return { objects: [], errors: [{ file, message: describeFsError(err) }], notices: [] };
  }
  return parseManifests(text, file);
}

/**
 * Parses multi-document YAML into manifest objects, in document order.
 *
 * - Empty documents (only comments, or nothing between `---` separators) are skipped but keep their index,
 *   so `documentIndex` always counts every document of the file from 0. `line` is where the document starts.
 * - `kind: List` and typed lists (`kind: ServiceList` with `items`) are expanded, nested lists too; every item
 *   keeps the position of the list's document. Items of a typed list without kind or apiVersion take them from the list.
 * - Merge keys (`<<: *anchor`) are applied, as kubectl does. `spec.ingressClassName: null` is unset, as for the API server.
 * - A document that is not a Kubernetes object (no apiVersion and kind, or a kustomize Kustomization) is skipped
 *   with a notice. Only YAML that does not parse is an input error.
 */
export function parseManifests(text: string, file: string): ManifestReadResult {
  const objects: ManifestObject[] = [];
  const notices: ManifestNotice[] = [];
  const { documents, problems } = readYamlDocuments(text);
  const errors: ManifestInputError[] = problems.map((p) => ({ file, ...p }));
  for (const { index: documentIndex, line, value } of documents) {
    if (value === null || value === undefined) continue;
    const origin: ManifestOrigin = { file, documentIndex, line };
    const skip = (what: string) => notices.push({ file, line, message: `skipped: ${what}` });
    const problem = objectProblem(value, file);
    if (problem) {
      skip(problem);
      continue;
    }
    addObject(value as Record<string, unknown>, origin, objects, skip, '');
  }
  return { objects, errors, notices };
}

/** Adds an object, or the items of a list (recursively), to `objects`. */
function addObject(
  object: Record<string, unknown>, origin: ManifestOrigin, objects: ManifestObject[], skip: (what: string) => void, itemPath: string,
): void {
  if (!isList(object)) {
    objects.push(new ManifestObject(normalize(object), origin));
    return;
  }
  const items = object.items ?? [];
  if (!Array.isArray(items)) {
    skip(`${itemPath}${object.kind} items is not a sequence of Kubernetes objects`);
    return;
  }
  const itemKind = object.kind === 'List' ? undefined : String(object.kind).slice(0, -'List'.length);
  items.forEach((raw: unknown, i: number) => {
    const item = itemKind && isMapping(raw) ? { apiVersion: object.apiVersion, kind: itemKind, ...raw } : raw;
    const where = `${itemPath}items[${i}]`;
    const itemProblem = objectProblem(item, '');
    if (itemProblem) skip(`${where}: ${itemProblem}`);
    else addObject(item as Record<string, unknown>, origin, objects, skip, `${where}.`);
  });
}

/** Null fields the API server treats as unset, removed so that no rule reads `null` as a value. */
function normalize(object: Record<string, unknown>): Record<string, unknown> {
  const spec = object.spec;
  if (object.kind === 'Ingress' && isMapping(spec) && spec.ingressClassName === null) {
    const { ingressClassName: _unset, ...rest } = spec;
    return { ...object, spec: rest };
  }
  return object;
}

/** What lint and the plugin may add to the objects: facts about the cluster, and which rules to apply. */
export interface EvaluateOptions {
  /** The cluster's default IngressClass, defined outside the manifests. */
  readonly defaultIngressClass?: string;
  /** The rules to apply. @default MANIFEST_LEVEL_RULES */
  readonly rules?: readonly Rule[];
}

/**
 * Applies the manifest-level rules to `objects`. A rule that throws (on input shaped in a way it does not
 * expect) yields a message naming the rule instead of an exception, so callers can report it without a stack trace.
 */
export function evaluateManifests(
  objects: ManifestObject[],
  externalIngressClasses: ReadonlySet<string>,
  externalTlsSecrets: ReadonlySet<string>,
  options: EvaluateOptions = {},
): { readonly report: RuleReport; readonly failure?: undefined } | { readonly report?: undefined; readonly failure: string } {
  const guarded = (options.rules ?? MANIFEST_LEVEL_RULES).map((rule): Rule => ({
    ...rule,
    check: (model, report) => {
      try {
        rule.check(model, report);
      } catch (err) {
        throw new RuleFailure(rule.id, err);
      }
    },
  }));
  try {
    const model = new ClusterModel(objects, externalIngressClasses, externalTlsSecrets, options.defaultIngressClass);
    return { report: evaluate(model, guarded) };
  } catch (err) {
    if (!(err instanceof RuleFailure)) throw err;
    return { failure: err.message };
  }
}

class RuleFailure extends Error {
  constructor(ruleId: string, cause: unknown) {
    super(`rule ${ruleId} failed on this input (${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}); `
      + 'some field probably has an unexpected type or is null. This is a bug in cdk8s-gateways: please report it with the manifest');
    this.name = 'RuleFailure';
  }
}

/** Checks a `namespace/name` reference, as `--external-secret` and `externalTlsSecrets` take; returns a reason when malformed. */
export function checkSecretReference(value: string): string | undefined {
  return /^[^/\s]+\/[^/\s]+$/.test(value) ? undefined : `"${value}" is not a secret reference of the form namespace/name`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isList(object: Record<string, unknown>): boolean {
  const kind = String(object.kind);
  return kind === 'List' || (kind.endsWith('List') && kind.length > 'List'.length && 'items' in object);
}

/** Files that are YAML but never Kubernetes objects, by name: what a notice calls them. */
const KNOWN_NON_OBJECT_FILES: ReadonlyArray<[RegExp, string]> = [
  [/^(kustomization\.ya?ml|Kustomization)$/, 'a kustomize kustomization (lint the output of kustomize build instead)'],
  [/^Chart\.ya?ml$/, 'Helm chart metadata'],
  [/^values([.-].*)?\.ya?ml$/, 'Helm values'],
  [/^cdk8s\.ya?ml$/, 'cdk8s project configuration'],
];

/** apiVersion groups of configuration files that carry apiVersion and kind but are not Kubernetes objects. */
const NON_OBJECT_GROUPS: ReadonlyArray<[string, string]> = [
  ['kustomize.config.k8s.io/', 'kustomize configuration (lint the output of kustomize build instead)'],
];

/** Why a parsed document is not a Kubernetes object (so it is skipped), or undefined when it is one. */
function objectProblem(value: unknown, file: string): string | undefined {
  const base = path.basename(file);
  const known = KNOWN_NON_OBJECT_FILES.find(([pattern]) => pattern.test(base));
  if (!isMapping(value)) return `not a Kubernetes object (a mapping with apiVersion and kind; got ${describeValue(value)})`;
  const missing = ['apiVersion', 'kind'].filter((key) => typeof value[key] !== 'string' || value[key] === '');
  if (missing.length > 0) {
    return known ? `${known[1]}, not a Kubernetes object` : `not a Kubernetes object (${missing.join(' and ')} missing or not a string)`;
  }
  const group = NON_OBJECT_GROUPS.find(([prefix]) => String(value.apiVersion).startsWith(prefix));
  if (group) return `${value.kind} is ${group[1]}, not a Kubernetes object`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return `cannot read file (${err instanceof Error ? err.message : String(err)})`;
  }
}
