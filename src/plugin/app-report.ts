import * as fs from 'fs';
import * as path from 'path';
import { defaultReportFile, REPORT_FILE_NAME } from '../rules/engine';
import { Finding } from '../rules/finding';
import { manifestsDigest } from '../rules/manifests-digest';
import { ManifestObject } from '../rules/model';

/** Report files an app of this library may have written (`RuleEngine.reportFile`): beside a folder, or in it. */
function reportCandidates(folders: readonly string[]): string[] {
  return [...new Set(folders.flatMap((folder) => [defaultReportFile(folder), path.join(folder, REPORT_FILE_NAME)]))];
}

/** The identity of a finding across the app's report and the plugin: rule, object and field. */
export function findingKey(f: Pick<Finding, 'ruleId' | 'kind' | 'namespace' | 'name' | 'field'>): string {
  return [f.ruleId, f.kind ?? '', f.namespace ?? '', f.name ?? '', f.field ?? ''].join('\u0000');
}

/**
 * The unsuppressed findings an app of this library already printed for exactly these manifests: the RuleEngine of a
 * cdk8s app evaluates the same rules before cdk8s writes the manifests and prints its warnings (its errors stop synth).
 * Read from the app's JSON report beside (or in) one of `folders`, and only from a report whose digest of the objects
 * it checked equals the digest of `objects` (everything the plugin read): a report of another synth, or of manifests
 * changed since, hides nothing.
 */
export function findingsReportedByApp(folders: readonly string[], objects: readonly ManifestObject[]): Set<string> {
  const keys = new Set<string>();
  if (objects.length === 0) return keys;
  const digest = manifestsDigest(objects);
  for (const file of reportCandidates(folders)) {
    const report = readReport(file);
    if (report?.manifestsDigest !== digest) continue;
    for (const finding of report.findings) {
      if (!finding.suppressed) keys.add(findingKey(finding));
    }
  }
  return keys;
}

function readReport(file: string): { manifestsDigest?: string; findings: Finding[] } | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
    return json?.tool === 'cdk8s-gateways' && Array.isArray(json.findings) ? json : undefined;
  } catch {
    // No report there, or not one of this library (or half-written): nothing was printed from it.
    return undefined;
  }
}
