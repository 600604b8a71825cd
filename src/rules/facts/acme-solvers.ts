/** ACME solver selection: which solver of an issuer cert-manager v1.21.1 picks for a name (pkg/issuer/acme/solverpicker). */
import { isWildcard } from './dns-coverage';
import { isObject, listOf, ManifestObject } from '../model';

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
