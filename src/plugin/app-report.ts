import * as fs from 'fs';
import * as path from 'path';
import { defaultReportFile, REPORT_FILE_NAME } from '../rules/engine';
import { Finding } from '../rules/finding';

/** How far apart the app's report and the manifests may be written to count as one synth. */
const SAME_SYNTH_WINDOW_MS = 10 * 60 * 1000;

/** Report file names an app of this library writes (`RuleEngine.reportFile`): beside its outdir, or in it. */
function reportCandidates(folder: string): string[] {
  return [defaultReportFile(folder), path.join(folder, REPORT_FILE_NAME)];
}

/** The identity of a finding across the app's report and the plugin: rule, object and field. */
export function findingKey(f: Pick<Finding, 'ruleId' | 'kind' | 'namespace' | 'name' | 'field'>): string {
  return [f.ruleId, f.kind ?? '', f.namespace ?? '', f.name ?? '', f.field ?? ''].join('\u0000');
}

/**
 * The unsuppressed findings an app of this library already printed in this synth: the RuleEngine of a cdk8s app
 * evaluates the same rules before cdk8s writes the manifests and prints its warnings (its errors stop synth).
 * Read from the app's JSON report beside (or in) the given folders; a report older or newer than the manifests
 * by more than a few minutes belongs to another synth and is ignored.
 */
export function findingsReportedByApp(folders: readonly string[], manifests: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const manifestTimes = manifests.map((m) => mtime(m)).filter((t): t is number => t !== undefined);
  if (manifestTimes.length === 0) return keys;
  const oldest = Math.min(...manifestTimes);
  const seen = new Set<string>();
  for (const folder of folders) {
    for (const file of reportCandidates(folder)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const time = mtime(file);
      if (time === undefined || Math.abs(time - oldest) > SAME_SYNTH_WINDOW_MS) continue;
      for (const finding of readFindings(file)) {
        if (!finding.suppressed) keys.add(findingKey(finding));
      }
    }
  }
  return keys;
}

function readFindings(file: string): Finding[] {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
    return json?.tool === 'cdk8s-gateways' && Array.isArray(json.findings) ? json.findings : [];
  } catch {
    // Not a report of this library (or half-written): nothing was printed from it.
    return [];
  }
}

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
