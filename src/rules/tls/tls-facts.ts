/**
 * What the TLS rules share: cert-manager's own notions (Go durations, issuer references, ACME solver selection,
 * the certificates ingress-shim creates) and host coverage, computed from manifests alone.
 */
import {
  ANNOTATION_PUBLIC_WEB_UNSUPPORTED, decodeList, SHIM_CLUSTER_ISSUER, SHIM_ISSUER, SHIM_ISSUER_GROUP, SHIM_ISSUER_KIND,
} from '../../core/manifest-contract';
import { ClusterModel, groupBy, isObject, listOf, ManifestObject } from '../model';

export const CERT_MANAGER_GROUP = 'cert-manager.io';
/** Webhook limits (cert-manager internal/apis/certmanager/validation/certificate.go). */
export const MIN_DURATION_MS = 60 * 60 * 1000;
export const MIN_RENEW_BEFORE_MS = 5 * 60 * 1000;
/** The duration cert-manager assumes when a Certificate sets none: 90 days. */
export const DEFAULT_DURATION_MS = 2160 * 60 * 60 * 1000;
export const MAX_COMMON_NAME_LENGTH = 64;

/** Moved to the validator module; re-exported for the rules and other callers. */
export { parseGoDuration } from '../../core/validation';

/** A duration in the shortest exact Go notation (milliseconds in, for example, "2160h" or "90m" out). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A duration for messages: Go notation plus days when it is a whole number of days ("720h (30 days)"). */
export function describeDuration(ms: number): string {
  const go = formatGoDuration(ms);
  return ms > 0 && ms % 86_400_000 === 0 ? `${go} (${ms / 86_400_000} days)` : go;
}

/** Does certificate name `dnsName` (exact, or a `*.` wildcard for one label) cover `host`? */
export function dnsNameCovers(dnsName: string, host: string): boolean {
  const name = dnsName.toLowerCase();
  const h = host.toLowerCase();
  if (name === h) return true;
  if (!name.startsWith('*.') || h.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === name.slice(2);
}

export function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}

/** An issuer reference as cert-manager reads it: the group defaults to cert-manager.io, the kind to Issuer. */
export interface IssuerReference {
  readonly name: string;
  readonly kind: string;
  readonly group: string;
}

export function issuerReferenceOf(ref: any): IssuerReference | undefined {
  if (!isObject(ref) || typeof ref.name !== 'string' || ref.name === '') return undefined;
  return { name: ref.name, kind: String(ref.kind || 'Issuer'), group: String(ref.group || CERT_MANAGER_GROUP) };
}

/** Issuers and ClusterIssuers of the model, indexed for reference lookups. */
export class IssuerIndex {
  private readonly issuers = new Map<string, ManifestObject>();
  private readonly clusterIssuers = new Map<string, ManifestObject>();

  constructor(model: ClusterModel) {
    for (const issuer of model.ofKind('Issuer')) {
      if (issuer.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) this.issuers.set(`${issuer.namespace}/${issuer.name}`, issuer);
    }
    for (const issuer of model.ofKind('ClusterIssuer')) {
      if (issuer.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) this.clusterIssuers.set(issuer.name, issuer);
    }
  }

  /** The issuer object a reference from `namespace` resolves to; undefined when it is not in the manifests (or external). */
  public resolve(ref: IssuerReference | undefined, namespace: string): ManifestObject | undefined {
    if (!ref || ref.group !== CERT_MANAGER_GROUP) return undefined;
    if (ref.kind === 'ClusterIssuer') return this.clusterIssuers.get(ref.name);
    if (ref.kind === 'Issuer') return this.issuers.get(`${namespace}/${ref.name}`);
    return undefined;
  }
}

/**
 * A certificate cert-manager will request: a Certificate object, or one that ingress-shim creates from an annotated
 * Ingress TLS entry (named after its secret, for the entry's hosts).
 */
export interface CertificateRequest {
  /** The Certificate, or the annotated Ingress. */
  readonly object: ManifestObject;
  /** JSON path of the names in `object`: `spec.dnsNames` or `spec.tls[i].hosts`. */
  readonly namesField: string;
  readonly namespace: string;
  readonly secretName?: string;
  readonly dnsNames: string[];
  readonly issuerRef?: IssuerReference;
  /** Labels the solver selectors' matchLabels are compared with. */
  readonly labels: Record<string, string>;
}

/** Every certificate request of the model: Certificates, then ingress-shim TLS entries. */
export function certificateRequests(model: ClusterModel): CertificateRequest[] {
  const result: CertificateRequest[] = [];
  for (const cert of model.ofKind('Certificate')) {
    if (!cert.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
    const spec = isObject(cert.json.spec) ? cert.json.spec : {};
    result.push({
      object: cert,
      namesField: 'spec.dnsNames',
      namespace: cert.namespace!,
      secretName: typeof spec.secretName === 'string' ? spec.secretName : undefined,
      dnsNames: listOf(spec.dnsNames).map(String),
      issuerRef: issuerReferenceOf(spec.issuerRef),
      labels: cert.labels,
    });
  }
  for (const ingress of model.ofKind('Ingress')) {
    const ref = shimIssuerOf(ingress);
    if (!ref) continue;
    listOf(ingress.json.spec?.tls).forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.secretName !== 'string') return;
      result.push({
        object: ingress,
        namesField: `spec.tls[${i}].hosts`,
        namespace: ingress.namespace!,
        secretName: entry.secretName,
        dnsNames: listOf(entry.hosts).map(String),
        issuerRef: ref,
        labels: ingress.labels,
      });
    });
  }
  return result;
}

/** The issuer ingress-shim would use for an Ingress, from its annotations. */
export function shimIssuerOf(ingress: ManifestObject): IssuerReference | undefined {
  const a = ingress.annotations;
  if (a[SHIM_CLUSTER_ISSUER]) return { name: a[SHIM_CLUSTER_ISSUER], kind: 'ClusterIssuer', group: CERT_MANAGER_GROUP };
  if (a[SHIM_ISSUER]) return { name: a[SHIM_ISSUER], kind: a[SHIM_ISSUER_KIND] || 'Issuer', group: a[SHIM_ISSUER_GROUP] || CERT_MANAGER_GROUP };
  return undefined;
}

/** The ACME solvers of an issuer object; undefined when it is not an ACME issuer. */
export function acmeSolversOf(issuer: ManifestObject): any[] | undefined {
  const acme = issuer.json.spec?.acme;
  return isObject(acme) ? listOf(acme.solvers).filter(isObject) : undefined;
}

/**
 * The solver cert-manager picks for `name` (`*.example.com` for a wildcard) among the challenge types the ACME
 * server offers: a port of cert-manager's solverpicker. For a wildcard, ACME servers offer only DNS-01.
 */
export function pickSolver(solvers: any[], name: string, labels: Record<string, string>): any | undefined {
  const offered = isWildcard(name) ? ['dns-01'] : ['http-01', 'dns-01'];
  let selected: any | undefined;
  let selLabels = 0;
  let selNames = 0;
  let selZones = 0;
  for (const solver of solvers) {
    const usable = (isObject(solver.http01) && offered.includes('http-01')) || (isObject(solver.dns01) && offered.includes('dns-01'));
    if (!usable) continue;
    const selector = solver.selector;
    if (!isObject(selector)) {
      if (selected === undefined) selected = solver;
      continue;
    }
    const labelMatch = matchLabels(selector.matchLabels, labels);
    const nameMatch = matchDnsNames(selector.dnsNames, name);
    const zoneMatch = matchDnsZones(selector.dnsZones, name);
    if (!labelMatch.ok || !nameMatch.ok || !zoneMatch.ok) continue;
    const take = (): void => {
      selected = solver;
      selLabels = labelMatch.count;
      selNames = nameMatch.count;
      selZones = zoneMatch.count;
    };
    if (selected === undefined) {
      take();
      continue;
    }
    const hadNames = selNames > 0;
    const hasNames = nameMatch.count > 0;
    if (hasNames !== hadNames) {
      if (hasNames) take();
      continue;
    }
    if (hasNames && hadNames) {
      if (zoneMatch.count > selZones || (zoneMatch.count === selZones && labelMatch.count > selLabels)) take();
      continue;
    }
    const hadZones = selZones > 0;
    const hasZones = zoneMatch.count > 0;
    if (hasZones !== hadZones) {
      if (hasZones) take();
      continue;
    }
    if (hasZones && hadZones) {
      if (zoneMatch.count > selZones || (zoneMatch.count === selZones && labelMatch.count > selLabels)) take();
      continue;
    }
    if (labelMatch.count > selLabels) take();
  }
  return selected;
}

function matchLabels(selector: unknown, labels: Record<string, string>): { ok: boolean; count: number } {
  const wanted = isObject(selector) ? Object.entries(selector) : [];
  if (wanted.length === 0) return { ok: true, count: 0 };
  const ok = wanted.every(([k, v]) => labels[k] === v);
  return { ok, count: ok ? wanted.length : 0 };
}

function matchDnsNames(selector: unknown, name: string): { ok: boolean; count: number } {
  const names = listOf(selector).map(String);
  if (names.length === 0) return { ok: true, count: 0 };
  const ok = names.includes(name);
  return { ok, count: ok ? 1 : 0 };
}

function matchDnsZones(selector: unknown, name: string): { ok: boolean; count: number } {
  const zones = listOf(selector).map(String);
  if (zones.length === 0) return { ok: true, count: 0 };
  const nameLabels = labelsOf(name);
  let best = 0;
  for (const zone of zones) {
    const zoneLabels = labelsOf(zone);
    if (zoneLabels.length === 0 || zoneLabels.length > nameLabels.length) continue;
    const tail = nameLabels.slice(nameLabels.length - zoneLabels.length);
    if (tail.every((label, i) => label === zoneLabels[i])) best = Math.max(best, zoneLabels.length);
  }
  return { ok: best > 0, count: best };
}

function labelsOf(name: string): string[] {
  return name.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l.length > 0);
}

/** The IngressClass annotation value as a list (trimmed, empty entries dropped). */
export function unsupportedHardening(ingressClass: ManifestObject): string[] {
  return decodeList(ingressClass.annotations[ANNOTATION_PUBLIC_WEB_UNSUPPORTED]);
}

/** cert-manager Certificates by the secret they write (`namespace/secretName`). */
export function certificatesBySecret(model: ClusterModel): Map<string, ManifestObject[]> {
  const writing = model.ofKind('Certificate')
    .filter((cert) => cert.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`) && isObject(cert.json.spec) && typeof cert.json.spec.secretName === 'string');
  return groupBy(writing, (cert) => `${cert.namespace}/${cert.json.spec.secretName}`);
}
