import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { App, Chart, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { MANIFEST_LEVEL_RULES } from '../../src/cli/manifests';
import { IngressController } from '../../src/controllers/ingress-controller';
import { InvalidInputError } from '../../src/core/input/input-error';
import { IngressClassGateway } from '../../src/gateways/ingress-class-gateway';
import { GatewayValidationPlugin, GatewayValidationPluginProps } from '../../src/plugin/validation-plugin';
import { assertValidManifests } from '../schema-validator';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lint');
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

interface RecordedViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: Array<{ resourceName: string; manifestPath: string; locations: string[]; constructPath?: string }>;
}

/** A stand-in for cdk8s-cli's ValidationContext that records what the plugin reports. */
function fakeContext(manifests: string[], metadata: Record<string, { path: string }> = {}) {
  const violations: RecordedViolation[] = [];
  const submits: Array<{ status: string; metadata?: Record<string, string> }> = [];
  const logs: string[] = [];
  const context = {
    manifests,
    pkg: 'cdk8s-gateways',
    version: '0.0.0',
    metadata,
    report: {
      addViolation: (violation: RecordedViolation) => {
        if (submits.length > 0) throw new Error('Violations cannot be added to report after its submitted');
        violations.push(violation);
      },
      submit: (status: string, meta?: Record<string, string>) => { submits.push({ status, metadata: meta }); },
    },
    logger: { log: (message: string) => { logs.push(message); } },
  };
  return { context, violations, submits, logs };
}

async function validate(manifests: string[], props?: GatewayValidationPluginProps, metadata?: Record<string, { path: string }>) {
  const recorded = fakeContext(manifests, metadata);
  await new GatewayValidationPlugin(props).validate(recorded.context);
  return recorded;
}

describe('GatewayValidationPlugin', () => {
  test('clean manifests: the report is submitted as success with no violations', async () => {
    // GIVEN the compliant nginx-style setup, as cdk8s synth would list its files
    const manifests = [fixture('clean', 'ingress-class.yaml'), fixture('clean', 'shop', 'app.yaml')];

    // WHEN validating
    const { violations, submits, logs } = await validate(manifests);

    // THEN the report is complete and passes
    expect(violations).toEqual([]);
    expect(submits).toEqual([{ status: 'success', metadata: { errors: '0', warnings: '0', suppressed: '0' } }]);
    expect(logs).toEqual([]);
  });

  test('error-level findings: one violation per rule, and the report fails', async () => {
    // GIVEN manifests that break several rules
    const file = fixture('violations.yaml');

    // WHEN validating
    const { violations, submits } = await validate([file]);

    // THEN each broken rule is one violation, in catalogue order, and the report is submitted once as failure
    expect(violations.map((v) => v.ruleName)).toEqual([
      'CG-INGRESS-001', 'CG-INGRESS-002', 'CG-INGRESS-004', 'CG-INGRESS-006', 'CG-INGRESS-008',
      'CG-CLASS-002', 'CG-POD-001', 'CG-POD-002', 'CG-POD-003', 'CG-CONTROLLER-004',
    ]);
    expect(submits).toEqual([{ status: 'failure', metadata: { errors: '12', warnings: '1', suppressed: '0' } }]);

    // AND each violation names the manifest, the resource and the offending field paths
    const byRule = (id: string) => violations.find((v) => v.ruleName === id)!;
    // (several objects are named "storefront", so they are named by kind, namespace and name)
    expect(byRule('CG-INGRESS-001').violatingResources).toEqual([
      { resourceName: 'Ingress/shop/storefront', manifestPath: file, locations: ['spec.rules[0].host'] },
    ]);
    expect(byRule('CG-CLASS-002').violatingResources).toEqual([
      { resourceName: 'bad-controller', manifestPath: file, locations: ['spec.controller'] },
    ]);
    // one resource per object, with every field of that object that breaks the rule
    expect(byRule('CG-POD-001').violatingResources).toEqual([{
      resourceName: 'Deployment/shop/storefront',
      manifestPath: file,
      locations: [
        'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
        'spec.template.spec.containers[0].securityContext.runAsNonRoot',
        'spec.template.spec.containers[0].securityContext.seccompProfile.type',
        'spec.template.spec.containers[0].securityContext.capabilities.drop',
      ],
    }]);
  });

  test('a violation carries the severity and description in its recommendation, the findings below it, and the rule fix', async () => {
    // GIVEN manifests with an error and a warning
    // WHEN validating
    const { violations } = await validate([fixture('violations.yaml')]);

    // THEN the recommendation starts with severity and description, then lists each finding
    const host = violations.find((v) => v.ruleName === 'CG-INGRESS-001')!;
    const rule = MANIFEST_LEVEL_RULES.find((r) => r.id === 'CG-INGRESS-001')!;
    expect(host.recommendation.split('\n')).toEqual([
      `[error] ${rule.description}`,
      '    - Ingress/shop/storefront: spec.rules[0].host = "Shop.Example.com": host must be a lowercase RFC 1123 subdomain: '
        + "labels of lower case alphanumeric characters or '-', separated by '.', each starting and ending with an alphanumeric character",
    ]);
    expect(host.fix).toBe(rule.fix);
    expect(violations.find((v) => v.ruleName === 'CG-INGRESS-006')!.recommendation).toMatch(/^\[warning\] /);
  });

  test('warnings alone are violations, but the report succeeds', async () => {
    // GIVEN a compliant but retired ingress-nginx controller
    // WHEN validating
    const { violations, submits } = await validate([fixture('warnings-only.yaml')]);

    // THEN the warning is listed and the status is success
    expect(violations.map((v) => v.ruleName)).toEqual(['CG-CONTROLLER-003']);
    expect(violations[0].violatingResources[0].locations).toEqual(['spec.template.spec.containers[0].image']);
    expect(submits.map((s) => s.status)).toEqual(['success']);
  });

  test('construct paths come from the context metadata for names only one object has', async () => {
    // GIVEN construct metadata as cdk8s writes it (keyed by metadata.name; "storefront" is the last object of that name)
    const metadata = { 'storefront': { path: 'app/shop/StorefrontConfig/Resource' }, 'bad-controller': { path: 'app/classes/Bad' } };

    // WHEN validating
    const { violations } = await validate([fixture('violations.yaml')], {}, metadata);

    // THEN the IngressClass, the only "bad-controller", carries its construct path
    const resourceOf = (id: string) => violations.find((v) => v.ruleName === id)!.violatingResources[0];
    expect(resourceOf('CG-CLASS-002')).toMatchObject({ resourceName: 'bad-controller', constructPath: 'app/classes/Bad' });
    expect(resourceOf('CG-CONTROLLER-004').constructPath).toBeUndefined();
    // AND the Ingress and the Deployment named "storefront" get no path (the metadata can not tell them apart), and a
    //   resource name cdk8s-cli finds no path under, so it can not print another object's path either
    expect(resourceOf('CG-INGRESS-001')).toEqual(expect.objectContaining({ resourceName: 'Ingress/shop/storefront' }));
    expect(resourceOf('CG-INGRESS-001').constructPath).toBeUndefined();
    expect(resourceOf('CG-POD-001')).toEqual(expect.objectContaining({ resourceName: 'Deployment/shop/storefront' }));
    expect(resourceOf('CG-POD-001').constructPath).toBeUndefined();
  });

  test('a suppression annotation with a reason is honoured', async () => {
    // GIVEN a Deployment on :latest whose CG-POD-003 finding is suppressed with a reason
    // WHEN validating
    const { violations, submits } = await validate([fixture('suppressed-valid.yaml')]);

    // THEN there is no violation and the suppression is counted
    expect(violations).toEqual([]);
    expect(submits).toEqual([{ status: 'success', metadata: { errors: '0', warnings: '0', suppressed: '1' } }]);
  });

  test('a suppression with a too-short reason fails the report', async () => {
    // GIVEN the same Deployment suppressed with the reason "ok"
    // WHEN validating
    const { violations, submits } = await validate([fixture('suppressed-short-reason.yaml')]);

    // THEN both the bad suppression and the finding are violations
    expect(violations.map((v) => v.ruleName)).toEqual(['CG-META-001', 'CG-POD-003']);
    expect(violations[0].violatingResources[0].locations).toEqual(['metadata.annotations["suppress.gateways.cdk8s.io/CG-POD-003"]']);
    expect(submits.map((s) => s.status)).toEqual(['failure']);
  });

  test('externalIngressClasses and externalTlsSecrets declare what exists outside the app', async () => {
    // GIVEN an Ingress on class "alb" with TLS secret shop/wildcard-tls, neither in the manifests
    const manifests = [fixture('external', 'ingress.yaml')];

    // WHEN validating with and without the declarations
    const without = await validate(manifests);
    const declared = await validate(manifests, { externalIngressClasses: ['alb'], externalTlsSecrets: ['shop/wildcard-tls'] });

    // THEN only the undeclared run fails
    expect(without.violations.map((v) => v.ruleName)).toEqual(['CG-INGRESS-004', 'CG-INGRESS-009']);
    expect(without.submits.map((s) => s.status)).toEqual(['failure']);
    expect(declared.violations).toEqual([]);
    expect(declared.submits.map((s) => s.status)).toEqual(['success']);
  });

  test('kind: List items are validated', async () => {
    // GIVEN a List and a typed list
    const file = fixture('list.yaml');

    // WHEN validating
    const { violations } = await validate([file]);

    // THEN their items are the violating resources
    expect(violations.map((v) => [v.ruleName, v.violatingResources])).toEqual([
      ['CG-META-002', [{ resourceName: 'Bad_Name', manifestPath: file, locations: ['metadata.name'] }]],
      ['CG-POD-003', [{ resourceName: 'Deployment/tools/api', manifestPath: file, locations: ['spec.template.spec.containers[0].image'] }]],
    ]);
  });

  test('unreadable manifests fail the report, with the reason logged and in the summary', async () => {
    // GIVEN a manifest with a YAML error and one that does not exist
    const broken = fixture('invalid', 'unreadable.yaml');
    const missing = fixture('invalid', 'missing.yaml');

    // WHEN validating
    const { violations, submits, logs } = await validate([fixture('violations.yaml'), broken, missing]);

    // THEN nothing is judged, the report fails, and each problem is logged
    expect(violations).toEqual([]);
    expect(logs).toEqual([
      `cdk8s-gateways: ${broken}: All mapping items must start at the same column at line 5, column 1`,
      `cdk8s-gateways: ${missing}: no such file or directory`,
    ]);
    expect(submits).toHaveLength(1);
    expect(submits[0].status).toBe('failure');
    expect(submits[0].metadata!['unreadable manifests']).toContain('line 5, column 1');
  });

  test('constructed the way cdk8s-cli does: by class name, with the properties object', async () => {
    // GIVEN the module export looked up by name, and cdk8s.yaml properties (or none: the CLI passes {})
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('../../src/plugin/validation-plugin');
    const plugin = new module.GatewayValidationPlugin({ externalIngressClasses: ['alb'], externalTlsSecrets: ['shop/wildcard-tls'] });
    const { context, submits } = fakeContext([fixture('external', 'ingress.yaml')]);

    // WHEN validating
    await plugin.validate(context);

    // THEN it behaves as configured
    expect(submits.map((s) => s.status)).toEqual(['success']);
    expect(new module.GatewayValidationPlugin({})).toBeInstanceOf(GatewayValidationPlugin);
  });

  test.each([
    [{ externalIngressClasses: 'alb' }, 'externalIngressClasses must be a list of non-empty strings (got "alb")'],
    [{ externalIngressClasses: [''] }, 'externalIngressClasses must be a list of non-empty strings'],
    [{ externalTlsSecrets: [42] }, 'externalTlsSecrets must be a list of non-empty strings (got [42])'],
    [{ externalTlsSecrets: ['wildcard-tls'] }, 'externalTlsSecrets: "wildcard-tls" is not a secret reference of the form namespace/name'],
    [{ scope: 'cluster' }, 'scope must be one of "output", "folder" (got "cluster")'],
  ])('invalid properties %j are rejected at construction', (props, message) => {
    // GIVEN properties from cdk8s.yaml of the wrong shape
    // WHEN constructing the plugin
    // THEN it fails with a message naming the property
    expect(() => new GatewayValidationPlugin(props as unknown as GatewayValidationPluginProps)).toThrow(InvalidInputError);
    expect(() => new GatewayValidationPlugin(props as unknown as GatewayValidationPluginProps)).toThrow(`GatewayValidationPlugin: ${message}`);
  });

  test('a context without manifests and report is rejected', async () => {
    // GIVEN something that is not a ValidationContext
    // WHEN validating
    // THEN the plugin says what it needs
    await expect(new GatewayValidationPlugin().validate({ manifests: 'dist/app.k8s.yaml' })).rejects.toThrow(InvalidInputError);
    await expect(new GatewayValidationPlugin().validate({ manifests: 'dist/app.k8s.yaml' })).rejects.toThrow(/needs a cdk8s-cli ValidationContext/);
  });

  describe('scope', () => {
    /** dist/<cluster>/ for each cluster, each holding the same compliant setup, as a repo with one folder per cluster has. */
    function clusterFolders(clusters: string[]): { outdir: string; manifests: string[] } {
      const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-scope-')), 'dist');
      const manifests: string[] = [];
      for (const cluster of clusters) {
        fs.mkdirSync(path.join(outdir, cluster, 'shop'), { recursive: true });
        for (const file of ['ingress-class.yaml', path.join('shop', 'app.yaml')]) {
          fs.copyFileSync(fixture('clean', file), path.join(outdir, cluster, file));
          manifests.push(path.join(outdir, cluster, file));
        }
      }
      // cdk8s-cli has the app write its construct metadata into the output directory
      fs.writeFileSync(path.join(outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: {} }));
      return { outdir, manifests };
    }

    test('output (the default) checks every manifest as one cluster: the copies of two clusters are duplicates', async () => {
      // GIVEN two cluster folders with the same objects and a default IngressClass each
      const { manifests } = clusterFolders(['eu', 'us']);
      // WHEN validating without a scope
      const { violations, submits } = await validate(manifests);
      // THEN the copies collide
      expect(violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['CG-CLASS-001', 'CG-META-003']));
      expect(submits.map((s) => s.status)).toEqual(['failure']);
    });

    test('folder checks each top-level folder of the output directory as a cluster of its own', async () => {
      // GIVEN the same two cluster folders (each with a subfolder)
      const { manifests } = clusterFolders(['eu', 'us']);
      // WHEN validating with scope: folder
      const { violations, submits } = await validate(manifests, { scope: 'folder' });
      // THEN nothing collides across clusters, and the summary counts the clusters
      expect(violations).toEqual([]);
      expect(submits).toEqual([{ status: 'success', metadata: { errors: '0', warnings: '0', suppressed: '0', clusters: '2' } }]);
    });

    test('folder finds the output directory by cdk8s-cli\'s construct-metadata.json when there is one cluster folder', async () => {
      // GIVEN a cdk8s project (below the working directory) whose dist/ holds one cluster folder with a subfolder:
      //   the IngressClass in dist/eu/, the Ingress that uses it in dist/eu/shop/
      fs.mkdirSync(path.join(process.cwd(), '.tmp'), { recursive: true });
      const project = fs.mkdtempSync(path.join(process.cwd(), '.tmp', 'cg-scope-'));
      const outdir = path.join(project, 'dist');
      fs.mkdirSync(path.join(outdir, 'eu', 'shop'), { recursive: true });
      const manifests = ['ingress-class.yaml', path.join('shop', 'app.yaml')].map((file) => {
        fs.copyFileSync(fixture('clean', file), path.join(outdir, 'eu', file));
        return path.join(outdir, 'eu', file);
      });
      fs.writeFileSync(path.join(outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: {} }));
      try {
        // WHEN validating with scope: folder
        const { violations, submits } = await validate(manifests, { scope: 'folder' });
        // THEN dist/eu is one cluster: the Ingress finds its class (no CG-INGRESS-004)
        expect(violations).toEqual([]);
        expect(submits).toEqual([{ status: 'success', metadata: { errors: '0', warnings: '0', suppressed: '0', clusters: '1' } }]);
      } finally {
        fs.rmSync(project, { recursive: true, force: true });
      }
    });

    test('folder still finds duplicates within one cluster folder, including its subfolders', async () => {
      // GIVEN cluster "eu" with a second copy of the shop in another subfolder
      const { outdir, manifests } = clusterFolders(['eu', 'us']);
      fs.mkdirSync(path.join(outdir, 'eu', 'shop-copy'));
      fs.copyFileSync(fixture('clean', 'shop', 'app.yaml'), path.join(outdir, 'eu', 'shop-copy', 'app.yaml'));
      // WHEN validating with scope: folder
      const { violations, submits } = await validate([...manifests, path.join(outdir, 'eu', 'shop-copy', 'app.yaml')], { scope: 'folder' });
      // THEN the copy in eu is a duplicate, and us is not involved
      const duplicates = violations.find((v) => v.ruleName === 'CG-META-003')!;
      expect(duplicates.violatingResources.map((r) => r.manifestPath).every((m) => m.startsWith(path.join(outdir, 'eu')))).toBe(true);
      expect(submits.map((s) => s.status)).toEqual(['failure']);
    });
  });

  describe('findings the app already printed', () => {
    /** An app of this library whose retired ingress-nginx controller gets a CG-CONTROLLER-003 warning at synth. */
    function synthesizedApp(withSecondChart = false): { outdir: string; manifests: string[] } {
      const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-app-')), 'dist');
      const app = new App({ outdir });
      new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.nginx() });
      if (withSecondChart) {
        new k8s.KubeConfigMap(new Chart(app, 'settings', { namespace: 'ingress-web' }), 'Settings', { metadata: { name: 'settings' }, data: { mode: 'eu' } });
      }
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        app.synth();
      } finally {
        stderr.mockRestore();
      }
      const manifests = fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(outdir, f));
      assertValidManifests(manifests.flatMap((m) => Yaml.load(m)));
      return { outdir, manifests };
    }

    test('are counted, not printed a second time', async () => {
      // GIVEN the manifests and the report an app wrote in this synth (dist.cdk8s-gateways-report.json beside dist/)
      const { outdir, manifests } = synthesizedApp();
      const report = JSON.parse(fs.readFileSync(`${outdir}.cdk8s-gateways-report.json`, 'utf-8'));
      // AND that report follows the published schema and names what it checked by digest
      const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'report-schema.json'), 'utf-8'));
      const validateReport = new Ajv({ allErrors: true, strict: true }).compile(schema);
      expect(validateReport(report) ? [] : validateReport.errors).toEqual([]);
      expect(report.manifestsDigest).toMatch(/^[0-9a-f]{64}$/);
      // WHEN validating
      const { violations, submits } = await validate(manifests);
      // THEN the warning the app printed is not a violation again, and the summary says so
      expect(violations).toEqual([]);
      expect(submits).toEqual([{ status: 'success', metadata: { 'errors': '0', 'warnings': '1', 'suppressed': '0', 'printed by the app (not repeated)': '1' } }]);
    });

    test('a report of other manifests is ignored, so nothing is hidden, however recent it is', async () => {
      // GIVEN the app's output, with one manifest edited by hand after the synth (its report is seconds old)
      const { manifests } = synthesizedApp();
      fs.appendFileSync(manifests[0], '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added-by-hand\n  namespace: ingress-web\ndata: {}\n');
      // WHEN validating
      const { violations } = await validate(manifests);
      // THEN the warning is reported by the plugin
      expect(violations.map((v) => v.ruleName)).toEqual(['CG-CONTROLLER-003']);
    });

    test('are recognised in folder scope too, through the report beside the output directory', async () => {
      // GIVEN the app's output split into one folder per cluster (the report stays beside dist/)
      const { outdir, manifests } = synthesizedApp(true);
      const moved = manifests.map((m, i) => {
        const target = path.join(outdir, i === 0 ? 'eu' : 'us', path.basename(m));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.renameSync(m, target);
        return target;
      });
      // WHEN validating per folder
      const { violations, submits } = await validate(moved, { scope: 'folder' });
      // THEN the warning the app printed is counted, not repeated
      expect(violations).toEqual([]);
      expect(submits[0].metadata).toMatchObject({ 'printed by the app (not repeated)': '1' });
    });
  });
});

describe('GatewayValidationPlugin defaultIngressClass', () => {
  test('the default class defined outside the manifests is a known class', async () => {
    // GIVEN an Ingress on class "platform", which the platform team defines outside these manifests
    const manifests = [fixture('gitops', 'clusters', 'staging', 'shop', 'app.yaml')];

    // WHEN validating with and without defaultIngressClass
    const without = await validate(manifests);
    const declared = await validate(manifests, { defaultIngressClass: 'platform' });

    // THEN only the run without it reports the class as undefined
    expect(without.violations.map((v) => v.ruleName)).toContain('CG-INGRESS-004');
    expect(declared.violations.map((v) => v.ruleName)).not.toContain('CG-INGRESS-004');
  });

  test.each([[''], [42]])('defaultIngressClass %j is rejected at construction', (value) => {
    // GIVEN a default class that is not a name
    // WHEN constructing the plugin
    // THEN the property is named with the value received
    expect(() => new GatewayValidationPlugin({ defaultIngressClass: value } as unknown as GatewayValidationPluginProps))
      .toThrow(`GatewayValidationPlugin: defaultIngressClass must be a non-empty IngressClass name (got ${JSON.stringify(value)})`);
  });
});
