import { Finding } from './finding';
import { RuleInfo } from './rule-info';
import { Severity } from './severity';

/** Version of the JSON report layout; bumped on any incompatible change. See docs/report-schema.json. */
export const REPORT_SCHEMA_VERSION = 1;

/** The outcome of one evaluation: every finding (suppressed ones included) and the rules that ran. */
export class RuleReport {
  /**
   * Digest of the objects the rules checked (`manifestsDigest`), when they were the objects of a cdk8s app. The
   * validation plugin compares it with the manifests it reads, to recognise findings the app already printed.
   */
  public manifestsDigest?: string;

  constructor(
    /** Every finding, in rule order, then object order. */
    public readonly findings: Finding[],
    /** The rules that ran. */
    public readonly rules: RuleInfo[],
  ) {}

  /** Unsuppressed error-level findings: these fail synthesis. */
  public get errors(): Finding[] {
    return this.findings.filter((f) => !f.suppressed && f.severity === Severity.ERROR);
  }

  /** Unsuppressed warning-level findings. */
  public get warnings(): Finding[] {
    return this.findings.filter((f) => !f.suppressed && f.severity === Severity.WARNING);
  }

  /** Findings accepted by a suppression, with its reason. */
  public get suppressed(): Finding[] {
    return this.findings.filter((f) => f.suppressed);
  }

  /** The report as a plain object, following the schema in `docs/report-schema.json`. */
  public toJson(): any {
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: 'cdk8s-gateways',
      summary: { errors: this.errors.length, warnings: this.warnings.length, suppressed: this.suppressed.length },
      ...(this.manifestsDigest !== undefined ? { manifestsDigest: this.manifestsDigest } : {}),
      rules: this.rules.map((r) => ({ id: r.id, severity: r.severity, description: r.description, fix: r.fix, manifestLevel: r.manifestLevel })),
      findings: this.findings.map(compact),
      suppressions: this.suppressed.map((f) => compact({
        ruleId: f.ruleId,
        reason: f.suppressionReason,
        constructPath: f.constructPath,
        file: f.file,
        documentIndex: f.documentIndex,
        line: f.line,
        kind: f.kind,
        namespace: f.namespace,
        name: f.name,
      })),
    };
  }

  /** Human-readable lines for the given findings (default: unsuppressed errors and warnings). */
  public format(findings?: Finding[]): string {
    const list = findings ?? [...this.errors, ...this.warnings];
    return list.map(formatFinding).join('\n');
  }
}

/** One finding as three lines: what and where, the field and value, the fix. */
export function formatFinding(f: Finding): string {
  const object = f.kind ? `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}` : '';
  const where = [object, f.constructPath ? `at ${f.constructPath}` : '', f.file ? `in ${f.file}:${f.line ?? f.documentIndex}` : '']
    .filter(Boolean).join(' ');
  const lines = [`${f.severity} ${f.ruleId} ${where}`.trimEnd()];
  const subject = f.field ? `${f.field}${f.value !== undefined ? ` = ${f.value}` : ''}: ` : '';
  lines.push(`    ${subject}${f.message}`);
  lines.push(`    fix: ${f.fix}`);
  if (f.suppressed) lines.push(`    suppressed: ${f.suppressionReason}`);
  return lines.join('\n');
}

function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
