import { createHash } from 'crypto';
import { SUPPRESSION_ANNOTATION_PREFIX } from '../core/manifest-contract';

/**
 * A digest of a set of Kubernetes objects that does not depend on their order, their key order, or the suppression
 * annotations the engine adds after evaluating them. The app's report carries the digest of what it checked, so the
 * validation plugin can tell, from content alone, whether the manifests it reads are exactly the ones that report
 * describes (and the app already printed its findings).
 */
export function manifestsDigest(objects: ReadonlyArray<{ readonly json: any }>): string {
  const digests = objects.map((o) => sha256(canonicalJson(withoutSuppressions(o.json)))).sort();
  return sha256(digests.join('\n'));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function withoutSuppressions(json: any): any {
  const annotations = json?.metadata?.annotations;
  if (!annotations || !Object.keys(annotations).some((k) => k.startsWith(SUPPRESSION_ANNOTATION_PREFIX))) return json;
  const kept = Object.fromEntries(Object.entries(annotations).filter(([k]) => !k.startsWith(SUPPRESSION_ANNOTATION_PREFIX)));
  const metadata = { ...json.metadata, annotations: Object.keys(kept).length > 0 ? kept : undefined };
  return { ...json, metadata };
}

/** JSON with object keys sorted at every level; `undefined` members are left out, as JSON.stringify does. */
function canonicalJson(value: any): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
