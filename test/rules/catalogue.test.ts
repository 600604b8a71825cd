import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, RuleCatalogue } from '../../src/rules/catalogue';
import {
  certificate, configMap, controllerDeployment, hpa, ingress, lintObjects, namespace, networkPolicy, pdb, pod, ruleIds, secret, webApp,
} from '../util/manifests';

const RULES_SRC = path.join(__dirname, '..', '..', 'src', 'rules');
/** The rule areas: every folder under src/rules/. */
const AREAS = fs.readdirSync(RULES_SRC, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
/** Rule files: the files of an area that declare a rule (the others hold shared helpers). */
function ruleFiles(area: string): string[] {
  return fs.readdirSync(path.join(RULES_SRC, area))
    .filter((f) => f.endsWith('.ts') && fs.readFileSync(path.join(RULES_SRC, area, f), 'utf8').includes('defineRule('));
}

describe('rule catalogue', () => {
  it('has unique, well-formed rule IDs with a description and a fix', () => {
    // GIVEN the catalogue
    const ids = ALL_RULES.map((r) => r.id);
    // THEN
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^CG-[A-Z]+-\d{3}$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(rule.severity);
    }
    expect(RuleCatalogue.all().map((r) => r.id)).toEqual(ids);
    expect(RuleCatalogue.has('CG-POD-001')).toBe(true);
    expect(RuleCatalogue.has('CG-POD-999')).toBe(false);
  });

  it('has a test file under test/rules/<area>/ for every rule file under src/rules/<area>/', () => {
    // GIVEN every rule source file
    const missing: string[] = [];
    for (const area of AREAS) {
      for (const file of ruleFiles(area)) {
        if (!fs.existsSync(path.join(__dirname, area, file.replace(/\.ts$/, '.test.ts')))) missing.push(`${area}/${file}`);
      }
    }
    // THEN none lacks its test
    expect(missing).toEqual([]);
  });

  it('names every rule ID in some rule test', () => {
    // GIVEN the text of every rule test
    const text = AREAS.filter((area) => fs.existsSync(path.join(__dirname, area))).flatMap((area) => fs.readdirSync(path.join(__dirname, area))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => fs.readFileSync(path.join(__dirname, area, f), 'utf8'))).join('\n');
    // THEN each ID is tested by name
    expect(ALL_RULES.map((r) => r.id).filter((id) => !text.includes(`'${id}'`))).toEqual([]);
  });
});

describe('test manifest builders', () => {
  it('build schema-valid objects that no rule reports', () => {
    // GIVEN one of each builder, with the controller covered by a PDB
    const objs = [
      ...webApp(),
      pdb(),
      hpa(),
      configMap({ data: { 'log-level': 'info' } }),
      namespace(),
      secret(),
      certificate(),
      // Serves the Certificate's secret: an unused Certificate is a warning (CG-TLS-010).
      ingress({ name: 'secure', paths: [{ path: '/secure' }], tls: [{ hosts: ['app.example.com'], secretName: 'web-tls' }] }),
      pod({ name: 'debug' }),
      controllerDeployment(),
      pdb({ name: 'ingress-controller', namespace: 'ingress-system', selector: { 'app.kubernetes.io/name': 'ingress-controller' } }),
    ];
    // WHEN linting them (lintObjects validates the schema first)
    const report = lintObjects(objs);
    // THEN nothing is reported
    expect(report.format(report.findings)).toBe('');
    expect(ruleIds(report)).toEqual([]);
  });

  it('lintObjects refuses objects the Kubernetes schema rejects', () => {
    // GIVEN a NetworkPolicy with a misspelt field
    const bad = networkPolicy({ override: { spec: { podSelectr: {} } } });
    // THEN
    expect(() => lintObjects([bad])).toThrow(/schema validation failed[\s\S]*podSelectr: unknown field/);
  });

  it('records where each finding came from', () => {
    // GIVEN a bad object as the second document
    const report = lintObjects([namespace(), namespace({ name: 'Bad' })]);
    // THEN
    expect(report.findings.map((f) => [f.ruleId, f.file, f.documentIndex])).toEqual([['CG-META-002', 'test.yaml', 1]]);
  });
});
