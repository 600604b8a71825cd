import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import { ALL_RULES } from '../rules/catalogue';
import { evaluate } from '../rules/evaluate';
import { ClusterModel, ManifestObject } from '../rules/model';
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

export interface ManifestReadResult {
  readonly objects: ManifestObject[];
  readonly errors: ManifestInputError[];
}

/** `file: message`, or `file:index: message` for a problem in one document. */
export function formatInputError(error: ManifestInputError): string {
  return error.documentIndex === undefined ? `${error.file}: ${error.message}` : `${error.file}:${error.documentIndex}: ${error.message}`;
}

/** Reads one manifest file; a missing or unreadable file is an input error, never an exception. */
export function readManifestFile(file: string): ManifestReadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (err) {
    return { objects: [], errors: [{ file, message: describeFsError(err) }] };
  }
  return parseManifests(text, file);
}

/**
 * Parses multi-document YAML into manifest objects, in document order.
 *
 * - Empty documents (only comments, or nothing between `---` separators) are skipped but keep their index,
 *   so `documentIndex` always counts every document of the file from 0.
 * - `kind: List` and typed lists (`kind: ServiceList` with `items`) are expanded; every item keeps the
 *   index of the list's document. Items of a typed list without kind or apiVersion take them from the list.
 * - A document with a syntax error, or that is not a mapping with `apiVersion` and `kind`, is an input error.
 */
export function parseManifests(text: string, file: string): ManifestReadResult {
  const objects: ManifestObject[] = [];
  const errors: ManifestInputError[] = [];
  parseAllDocuments(text).forEach((doc, documentIndex) => {
    if (doc.errors.length > 0) {
      // The parser's first error names the line and column; later ones usually follow from it.
      errors.push({ file, message: firstLine(doc.errors[0].message) });
      return;
    }
    let json: unknown;
    try {
      json = doc.toJS();
    } catch (err) {
      // For example an alias to an unknown anchor, or too many aliases.
      errors.push({ file, documentIndex, message: err instanceof Error ? firstLine(err.message) : String(err) });
      return;
    }
    if (json === null || json === undefined) return;
    const problem = objectProblem(json);
    if (problem) {
      errors.push({ file, documentIndex, message: problem });
      return;
    }
    const object = json as Record<string, unknown>;
    if (!isList(object)) {
      objects.push(new ManifestObject(object, { file, documentIndex }));
      return;
    }
    const items = object.items ?? [];
    if (!Array.isArray(items)) {
      errors.push({ file, documentIndex, message: `${object.kind} items must be a sequence of Kubernetes objects` });
      return;
    }
    const itemKind = object.kind === 'List' ? undefined : String(object.kind).slice(0, -'List'.length);
    items.forEach((raw: unknown, i: number) => {
      const item = itemKind && isMapping(raw) ? { apiVersion: object.apiVersion, kind: itemKind, ...raw } : raw;
      const itemProblem = objectProblem(item);
      if (itemProblem) errors.push({ file, documentIndex, message: `items[${i}]: ${itemProblem}` });
      else objects.push(new ManifestObject(item, { file, documentIndex }));
    });
  });
  return { objects, errors };
}

/**
 * Applies the manifest-level rules to `objects`. A rule that throws (on input shaped in a way it does not
 * expect) yields a message naming the rule instead of an exception, so callers can report it without a stack trace.
 */
export function evaluateManifests(
  objects: ManifestObject[],
  externalIngressClasses: ReadonlySet<string>,
  externalTlsSecrets: ReadonlySet<string>,
): { readonly report: RuleReport; readonly failure?: undefined } | { readonly report?: undefined; readonly failure: string } {
  const guarded = MANIFEST_LEVEL_RULES.map((rule): Rule => ({
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
    return { report: evaluate(new ClusterModel(objects, externalIngressClasses, externalTlsSecrets), guarded) };
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

/** Why a parsed document is not a Kubernetes object, or undefined when it is one. */
function objectProblem(value: unknown): string | undefined {
  const expected = 'expected a mapping with apiVersion and kind';
  if (!isMapping(value)) return `document is not a Kubernetes object (${expected}, got ${describeValue(value)})`;
  const missing = ['apiVersion', 'kind'].filter((key) => typeof value[key] !== 'string' || value[key] === '');
  if (missing.length > 0) return `document is not a Kubernetes object (${expected}; ${missing.join(' and ')} missing or not a string)`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:\s*$/, '');
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
