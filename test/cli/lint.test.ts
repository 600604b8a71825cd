import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { runLint } from '../../src/cli/lint';
import { MANIFEST_LEVEL_RULES } from '../../src/cli/manifests';

/** Fixture paths as a user would type them: relative to the working directory. */
const FIXTURES = path.relative(process.cwd(), path.join(__dirname, '..', 'fixtures', 'lint'));
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

interface LintRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout lines without the trailing newline, and without the `    fix: ...` line under each finding. */
  readonly lines: string[];
  /** The `    fix: ...` lines, in order. */
  readonly fixes: string[];
}

function lintWithStdin(stdin: string | undefined, ...args: string[]): LintRun {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => { stdout += s; }, stderr: (s: string) => { stderr += s; } };
  const code = runLint(args, stdin === undefined ? io : { ...io, readStdin: () => stdin });
  const all = stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n');
  return { code, stdout, stderr, lines: all.filter((l) => !l.startsWith('    fix: ')), fixes: all.filter((l) => l.startsWith('    fix: ')) };
}

function lint(...args: string[]): LintRun {
  return lintWithStdin(undefined, ...args);
}

/** Finding lines carry `file:line kind/[namespace/]name RULE-ID [severity] message`. */
const FINDING_LINE = /^(\S+):(\d+) ([A-Za-z]+\/(?:[^/ ]+\/)?[^/ ]+) (CG-[A-Z]+-\d{3}) \[(error|warning)\] (.+)$/;

function ruleIds(run: LintRun): string[] {
  return run.lines.map((l) => FINDING_LINE.exec(l)?.[4]).filter((id): id is string => id !== undefined);
}

function withTempDir(files: Record<string, string>, body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateways-lint-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A Deployment that breaks only CG-POD-003 (no image tag). */
function untaggedDeployment(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: tools }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: app
          image: ghcr.io/example/${name}
          resources: { requests: { cpu: 10m, memory: 16Mi }, limits: { memory: 32Mi } }
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`;
}

describe('cdk8s-gateways lint: clean input', () => {
  test('a compliant nginx-style setup in nested folders passes with exit code 0 and only the summary line', () => {
    // GIVEN a folder with an IngressClass, and below it an app (Namespace, Service, Deployment, PDB, Certificate, Ingress)
    // WHEN linting the folder
    const run = lint(fixture('clean'));

    // THEN nothing is reported: 7 objects from the 2 YAML files (notes.txt and the .generated folder are skipped)
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual(['cdk8s-gateways lint: 0 errors, 0 warnings, 0 suppressed (7 objects in 2 files)']);
    expect(run.code).toBe(0);
  });

  test('warnings alone do not fail: exit code 0, and each warning is listed', () => {
    // GIVEN a compliant ingress-nginx controller, which is retired upstream (a warning-level rule)
    const file = fixture('warnings-only.yaml');

    // WHEN linting it
    const run = lint(file);

    // THEN the warning is printed and the exit code is 0
    expect(run.code).toBe(0);
    expect(ruleIds(run)).toEqual(['CG-CONTROLLER-003']);
    expect(run.lines[0]).toMatch(new RegExp(
      `^${escape(file)}:2 Deployment/ingress-nginx/ingress-nginx-controller CG-CONTROLLER-003 \\[warning\\] `
      + escape('spec.template.spec.containers[0].image = "registry.k8s.io/ingress-nginx/controller:v1.12.1": ingress-nginx was retired'),
    ));
    expect(run.lines[1]).toBe('cdk8s-gateways lint: 0 errors, 1 warning, 0 suppressed (2 objects in 1 file)');
  });
});

describe('cdk8s-gateways lint: findings', () => {
  const file = fixture('violations.yaml');

  test('error-level findings give exit code 1 and one line per finding', () => {
    // GIVEN a file that breaks rules on an Ingress, a Deployment, an IngressClass and a ConfigMap
    // WHEN linting it
    const run = lint(file);

    // THEN every broken rule is reported by ID, in file and document order, and the exit code is 1
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(ruleIds(run)).toEqual([
      'CG-INGRESS-001', 'CG-INGRESS-002', 'CG-INGRESS-004', 'CG-INGRESS-008',
      'CG-POD-001', 'CG-POD-001', 'CG-POD-001', 'CG-POD-001', 'CG-POD-002', 'CG-POD-003',
      'CG-CLASS-002',
      'CG-CONTROLLER-004',
      'CG-INGRESS-006',
    ]);
    expect(run.lines[run.lines.length - 1]).toBe('cdk8s-gateways lint: 12 errors, 1 warning, 0 suppressed (5 objects in 1 file)');
  });

  test('each line reads file:line kind/namespace/name RULE-ID [severity] field = value: message, followed by the fix', () => {
    // GIVEN the file with violations
    // WHEN linting it
    const run = lint(file);

    // THEN namespaced objects read kind/namespace/name, and the message names the field and the received value
    expect(run.lines).toContain(`${file}:3 Ingress/shop/storefront CG-INGRESS-001 [error] spec.rules[0].host = "Shop.Example.com": host must be a lowercase RFC 1123 subdomain: `
      + "labels of lower case alphanumeric characters or '-', separated by '.', each starting and ending with an alphanumeric character");
    expect(run.lines).toContain(`${file}:3 Ingress/shop/storefront CG-INGRESS-004 [error] spec.ingressClassName = "missing": `
      + 'no IngressClass named "missing" exists; available classes: bad-controller');
    expect(run.lines).toContain(`${file}:25 Deployment/shop/storefront CG-POD-003 [error] spec.template.spec.containers[0].image = "nginx:latest": `
      + 'the latest tag changes under you; every rollout may run different code');
    expect(run.lines).toContain(`${file}:53 ConfigMap/ingress-nginx/ingress-nginx-controller CG-CONTROLLER-004 [error] data["allow-snippet-annotations"] = "true": `
      + 'lets every Ingress author inject raw nginx configuration');
    expect(run.lines).toContain(`${file}:62 Ingress/shop/legacy CG-INGRESS-006 [warning] metadata.annotations["kubernetes.io/ingress.class"] = "bad-controller": `
      + 'the annotation is deprecated since Kubernetes 1.18; spec.ingressClassName replaces it');
    // AND cluster-scoped objects read kind/name
    expect(run.lines).toContain(`${file}:45 IngressClass/bad-controller CG-CLASS-002 [error] spec.controller = "nginx": `
      + "controller must be a domain-prefixed path such as 'example.com/ingress-controller'");
    // AND every line but the summary has that shape, and each finding is followed by its rule's fix
    expect(run.lines.slice(0, -1).every((l) => FINDING_LINE.test(l))).toBe(true);
    expect(run.fixes).toHaveLength(run.lines.length - 1);
    const all = run.stdout.split('\n');
    const hostLine = all.findIndex((l) => l.includes('CG-INGRESS-001'));
    expect(all[hostLine + 1]).toBe(`    fix: ${MANIFEST_LEVEL_RULES.find((r) => r.id === 'CG-INGRESS-001')!.fix}`);
  });

  test('--format json prints the report payload, with file, document index and line on every finding', () => {
    // GIVEN the file with violations
    // WHEN linting it as JSON
    const run = lint('--format', 'json', file);

    // THEN stdout is one JSON document following the report schema, and the exit code is still 1
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toBe('cdk8s-gateways');
    expect(json.summary).toEqual({ errors: 12, warnings: 1, suppressed: 0 });
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(MANIFEST_LEVEL_RULES.map((r) => r.id));
    expect(json.findings).toHaveLength(13);
    for (const finding of json.findings) {
      expect(finding.file).toBe(file);
      expect(typeof finding.documentIndex).toBe('number');
      expect(typeof finding.line).toBe('number');
    }
    expect(json.findings).toContainEqual(expect.objectContaining({
      ruleId: 'CG-CLASS-002', documentIndex: 2, line: 45, kind: 'IngressClass', name: 'bad-controller', field: 'spec.controller', value: '"nginx"', suppressed: false,
    }));
    expect(json.findings.find((f: { kind: string }) => f.kind === 'IngressClass').namespace).toBeUndefined();
  });

  test('--format=json (one argument) works like --format json, and the output is the same on every run', () => {
    // GIVEN the file with violations
    // WHEN linting it twice, with both spellings of the option
    const a = lint(file, '--format=json');
    const b = lint('--format', 'json', file);

    // THEN both outputs are identical
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
  });

  test('kind: List items and typed list items are linted, each at the line of its list document', () => {
    // GIVEN a kind: List (document 0) and a ServiceList whose item leaves out apiVersion and kind (document 1)
    const listFile = fixture('list.yaml');

    // WHEN linting it
    const run = lint(listFile);

    // THEN findings point at the list documents and name the items
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `${listFile}:2 Deployment/tools/api CG-POD-003 [error] spec.template.spec.containers[0].image = "ghcr.io/example/api": an image without a tag means latest`,
      `${listFile}:51 Service/tools/Bad_Name CG-META-002 [error] metadata.name = "Bad_Name": Service name must consist of lower case alphanumeric characters or '-', `
        + 'start with a letter and end with an alphanumeric character',
      'cdk8s-gateways lint: 2 errors, 0 warnings, 0 suppressed (3 objects in 1 file)',
    ]);
  });
});

describe('cdk8s-gateways lint: suppressions', () => {
  test('a suppression annotation with a reason accepts the finding: exit code 0', () => {
    // GIVEN a Deployment on :latest annotated suppress.gateways.cdk8s.io/CG-POD-003 with a real reason
    const file = fixture('suppressed-valid.yaml');

    // WHEN linting it, as text and as JSON
    const text = lint(file);
    const json = JSON.parse(lint('--format', 'json', file).stdout);

    // THEN the finding is counted as suppressed, not printed, and the exit code is 0
    expect(text.code).toBe(0);
    expect(text.lines).toEqual(['cdk8s-gateways lint: 0 errors, 0 warnings, 1 suppressed (1 object in 1 file)']);
    expect(json.suppressions).toEqual([expect.objectContaining({
      ruleId: 'CG-POD-003', reason: 'vendor publishes only latest; the mirror pins it by digest', file, documentIndex: 0, kind: 'Deployment', name: 'vendor-agent',
    })]);
  });

  test('a suppression reason under 10 characters is an error itself and suppresses nothing', () => {
    // GIVEN the same Deployment, suppressed with the reason "ok"
    const file = fixture('suppressed-short-reason.yaml');

    // WHEN linting it
    const run = lint(file);

    // THEN both the bad suppression (CG-META-001) and the finding it meant to accept (CG-POD-003) are errors
    expect(run.code).toBe(1);
    expect(ruleIds(run)).toEqual(['CG-META-001', 'CG-POD-003']);
    expect(run.lines[0]).toBe(`${file}:2 Deployment/tools/vendor-agent CG-META-001 [error] metadata.annotations["suppress.gateways.cdk8s.io/CG-POD-003"] = "ok": `
      + 'suppression reason must be at least 10 characters and say why the risk is accepted');
  });
});

describe('cdk8s-gateways lint: external classes and secrets', () => {
  const dir = fixture('external');

  test('without declarations, an Ingress on an unknown class and secret fails', () => {
    // GIVEN an Ingress naming class "alb" and TLS secret "wildcard-tls", neither defined in the files
    // WHEN linting it
    const run = lint(dir);

    // THEN both are findings
    expect(run.code).toBe(1);
    expect(ruleIds(run)).toEqual(['CG-INGRESS-004', 'CG-INGRESS-009']);
  });

  test('--external-class and --external-secret declare what exists outside the files', () => {
    // GIVEN the same Ingress
    // WHEN declaring the class and the secret (both option spellings, repeated options)
    const run = lint(dir, '--external-class', 'nginx', '--external-class=alb', '--external-secret', 'shop/wildcard-tls');

    // THEN nothing is reported
    expect(run.code).toBe(0);
    expect(ruleIds(run)).toEqual([]);
  });

  test.each([
    ['shop'],
    ['shop/'],
    ['/wildcard-tls'],
    ['shop/wildcard/tls'],
  ])('--external-secret %j is not namespace/name: exit code 2', (value) => {
    // GIVEN a malformed secret reference
    // WHEN linting with it
    const run = lint(dir, '--external-secret', value);

    // THEN the arguments are rejected before anything is read
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`--external-secret: "${value}" is not a secret reference of the form namespace/name`);
  });
});

describe('cdk8s-gateways lint: folders', () => {
  test('folders are searched recursively in sorted order, skipping hidden folders, node_modules and other extensions', () => {
    // GIVEN a folder tree with YAML files at several depths, plus files lint must skip
    withTempDir({
      'b.yaml': untaggedDeployment('b'),
      'a/z.yml': untaggedDeployment('az'),
      'a/nested/deeper/y.YAML': untaggedDeployment('ay'),
      'c.yml': untaggedDeployment('c'),
      'readme.md': 'not yaml',
      '.cache/broken.yaml': 'key: [unclosed\n',
      'node_modules/pkg/broken.yaml': 'key: [unclosed\n',
    }, (dir) => {
      // WHEN linting the folder
      const run = lint(dir);

      // THEN the files are read depth-first in code-point order, and the skipped files are never parsed
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(run.lines.map((l) => FINDING_LINE.exec(l)?.[1])).toEqual([
        path.join(dir, 'a', 'nested', 'deeper', 'y.YAML'),
        path.join(dir, 'a', 'z.yml'),
        path.join(dir, 'b.yaml'),
        path.join(dir, 'c.yml'),
        undefined, // the summary
      ]);
      expect(run.lines[4]).toBe('cdk8s-gateways lint: 4 errors, 0 warnings, 0 suppressed (4 objects in 4 files)');
    });
  });

  test('a file named twice, directly and through its folder, is read once', () => {
    // GIVEN the list fixture, named directly and through the fixtures folder tree it is in
    const file = fixture('list.yaml');

    // WHEN linting the file and a folder holding it
    withTempDir({ 'list.yaml': fs.readFileSync(file, 'utf-8') }, (dir) => {
      const run = lint(path.join(dir, 'list.yaml'), dir);

      // THEN its objects are counted once
      expect(run.lines[run.lines.length - 1]).toBe('cdk8s-gateways lint: 2 errors, 0 warnings, 0 suppressed (3 objects in 1 file)');
    });
  });

  test('a folder without YAML files is an input error: exit code 2', () => {
    // GIVEN a folder holding no .yaml or .yml file
    withTempDir({ 'notes.txt': 'nothing here' }, (dir) => {
      // WHEN linting it
      const run = lint(dir);

      // THEN lint refuses to report success on nothing
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`${dir}: no .yaml or .yml files found in this folder\n`);
    });
  });
});

describe('cdk8s-gateways lint: unreadable input', () => {
  test('a YAML syntax error gives exit code 2 and file: message with the line, without a stack trace', () => {
    // GIVEN a file with a mis-indented key on line 5
    const file = fixture('invalid', 'unreadable.yaml');

    // WHEN linting it
    const run = lint(file);

    // THEN the parse error is printed on stderr and nothing is linted
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${file}: All mapping items must start at the same column at line 5, column 1\n`);
  });

  test('a document that is not a mapping with kind and apiVersion is skipped with a notice on stderr, not an input error', () => {
    // GIVEN a file whose second document (line 6) is a sequence
    const file = fixture('invalid', 'not-object.yaml');

    // WHEN linting it
    const run = lint(file);

    // THEN the document is named by its line, the Namespace before it is linted, and the exit code is 0
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${file}:6: skipped: not a Kubernetes object (a mapping with apiVersion and kind; got a sequence)\n`);
    expect(run.lines).toEqual(['cdk8s-gateways lint: 0 errors, 0 warnings, 0 suppressed (1 object in 1 file, 1 skipped)']);
  });

  test('a missing file gives exit code 2', () => {
    // GIVEN a path that does not exist
    const file = fixture('does-not-exist.yaml');

    // WHEN linting it
    const run = lint(file);

    // THEN it is reported as such
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${file}: no such file or directory\n`);
  });

  test('every input error is reported, and none of the readable files is linted', () => {
    // GIVEN a readable file with findings, and a folder with an unreadable file and a file with a skipped document
    // WHEN linting them together
    const run = lint(fixture('violations.yaml'), fixture('invalid'));

    // THEN the notice and the input error are listed, no finding is printed, and the exit code is 2 (not 1)
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${fixture('invalid', 'not-object.yaml')}:6: skipped: not a Kubernetes object (a mapping with apiVersion and kind; got a sequence)`,
      `${fixture('invalid', 'unreadable.yaml')}: All mapping items must start at the same column at line 5, column 1`,
    ]);
  });

  test('a rule that throws on unexpected input is reported by rule ID, without a stack trace: exit code 2', () => {
    // GIVEN a rule that fails on the input
    const rule = MANIFEST_LEVEL_RULES.find((r) => r.id === 'CG-POD-003')!;
    const spy = jest.spyOn(rule, 'check').mockImplementation(() => {
      throw new TypeError('Cannot read properties of null');
    });
    try {
      // WHEN linting
      const run = lint(fixture('violations.yaml'));

      // THEN the failure names the rule, and nothing is printed on stdout
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^cdk8s-gateways lint: rule CG-POD-003 failed on this input \(TypeError: Cannot read properties of null\)/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('cdk8s-gateways lint: arguments', () => {
  test('--help prints the usage on stdout: exit code 0', () => {
    // GIVEN --help among other arguments
    // WHEN running lint
    const run = lint(fixture('violations.yaml'), '--help');

    // THEN only the usage is printed
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: cdk8s-gateways lint <file, folder or -> \.\.\. \[options\]/);
    expect(run.stdout).toContain('--format text|json');
    expect(run.stdout).toContain('--external-class NAME');
    expect(run.stdout).toContain('--external-secret NS/NAME');
    expect(run.stderr).toBe('');
  });

  test.each([
    [[], 'no files or folders given'],
    [['--format', 'xml', 'x.yaml'], '--format must be text or json (got "xml")'],
    [['x.yaml', '--format'], '--format needs a value'],
    [['--strict', 'x.yaml'], 'unknown option --strict'],
    [['--external-class=', 'x.yaml'], '--external-class needs an IngressClass name'],
    [['-'], 'standard input is not available here'],
    [['--rules', 'apps', 'x.yaml'], '--rules must be one of all, ingress (got "apps")'],
    [['--only', 'CG-NOPE', 'x.yaml'], '"CG-NOPE" is neither a rule ID nor an area of the lint rules'],
    [['--skip', ',', 'x.yaml'], '--skip needs rule IDs or areas'],
    [['--default-class', ' ', 'x.yaml'], '--default-class needs an IngressClass name'],
  ])('bad arguments %j: exit code 2 and the usage on stderr', (args, message) => {
    // GIVEN bad arguments
    // WHEN running lint
    const run = lint(...args);

    // THEN the problem and the usage go to stderr
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cdk8s-gateways lint: ${message}`);
    expect(run.stderr).toContain('Usage: cdk8s-gateways lint');
  });

  test('after --, arguments that start with a dash are paths', () => {
    // GIVEN a file whose name starts with a dash
    withTempDir({ '-odd.yaml': untaggedDeployment('odd') }, (dir) => {
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        // WHEN naming it after --
        const run = lint('--', '-odd.yaml');

        // THEN it is linted
        expect(run.code).toBe(1);
        expect(run.lines[0]).toMatch(/^-odd\.yaml:1 Deployment\/tools\/odd CG-POD-003 /);
      } finally {
        process.chdir(cwd);
      }
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('cdk8s-gateways lint: a GitOps repository', () => {
  const repo = fixture('gitops');
  const prod = fixture('gitops', 'clusters', 'prod');
  const staging = fixture('gitops', 'clusters', 'staging');

  test('one cluster folder: kustomizations and patches are skipped with notices, merge keys and a class-less Traefik are understood', () => {
    // GIVEN the prod cluster: a kustomization without apiVersion, a Kustomization, a patch it names, Traefik without
    // a class filter, and an app whose second container takes resources and securityContext through merge keys
    // WHEN linting the folder
    const run = lint(prod);

    // THEN nothing is reported (no CG-POD finding for the merged container, no CG-INGRESS-010 for the class-less
    // Ingress, no CG-INGRESS-004 for ingressClassName: null), and each skipped file is named on stderr
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(['cdk8s-gateways lint: 0 errors, 0 warnings, 0 suppressed (5 objects in 4 files, 3 skipped)']);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${path.join(prod, 'shop', 'replicas-patch.yaml')}: skipped: a kustomize patch (a fragment merged by kustomize build, not an object of its own)`,
      `${path.join(prod, 'kustomization.yaml')}:2: skipped: a kustomize kustomization (lint the output of kustomize build instead), not a Kubernetes object`,
      `${path.join(prod, 'shop', 'kustomization.yaml')}:1: skipped: Kustomization is kustomize configuration (lint the output of kustomize build instead), not a Kubernetes object`,
    ]);
  });

  test('the whole repository: a Helm chart folder, Helm values and cdk8s.yaml are skipped, not exit code 2', () => {
    // GIVEN the repository root, with a chart whose templates are not YAML until rendered
    // WHEN linting it
    const run = lint(repo);

    // THEN it is linted (exit 1 from staging's findings, not 2), with a notice per skipped file or folder
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(repo, 'charts', 'shop')}: skipped: a Helm chart; lint its rendered output instead`);
    expect(run.stderr).toContain(`${path.join(repo, 'base', 'values-prod.yaml')}:1: skipped: Helm values, not a Kubernetes object`);
    expect(run.stderr).toContain(`${path.join(repo, 'cdk8s.yaml')}:1: skipped: cdk8s project configuration, not a Kubernetes object`);
    // AND the two clusters, linted together, collide (CG-META-003): lint one cluster folder at a time
    expect(ruleIds(run)).toContain('CG-META-003');
  });

  test('--exclude leaves out files and folders by name or by path below the folder given', () => {
    // GIVEN the repository, once without the staging folder by name and once by path glob
    // WHEN linting with --exclude
    const byName = lint(repo, '--exclude', 'staging');
    const byPath = lint(repo, '--exclude=clusters/staging/**', '--exclude', 'values*.yaml');

    // THEN staging's findings are gone
    expect(byName.code).toBe(0);
    expect(byName.lines[byName.lines.length - 1]).toBe('cdk8s-gateways lint: 0 errors, 0 warnings, 0 suppressed (5 objects in 6 files, 6 skipped)');
    expect(byPath.code).toBe(0);
    expect(byPath.stderr).not.toContain('values-prod.yaml');
  });

  test('--rules ingress leaves out the generic workload rules (CG-POD); --only and --skip select by ID or area', () => {
    // GIVEN staging: an untagged application image (CG-POD-003) and an Ingress on class "platform" (CG-INGRESS-004)
    // WHEN linting with each selection
    // THEN
    expect(ruleIds(lint(staging))).toEqual(['CG-POD-003', 'CG-INGRESS-004']);
    expect(ruleIds(lint(staging, '--rules', 'ingress'))).toEqual(['CG-INGRESS-004']);
    expect(ruleIds(lint(staging, '--only', 'CG-POD'))).toEqual(['CG-POD-003']);
    expect(ruleIds(lint(staging, '--only', 'CG-INGRESS-004,CG-POD-003'))).toEqual(['CG-POD-003', 'CG-INGRESS-004']);
    expect(ruleIds(lint(staging, '--skip', 'CG-POD-003'))).toEqual(['CG-INGRESS-004']);
    // AND the JSON report lists only the rules that ran
    const json = JSON.parse(lint(staging, '--rules', 'ingress', '--format', 'json').stdout);
    expect(json.rules.some((r: { id: string }) => r.id.startsWith('CG-POD-'))).toBe(false);
    expect(json.rules.some((r: { id: string }) => r.id === 'CG-INGRESS-004')).toBe(true);
  });

  test('--default-class names the cluster default class, which exists although no file defines it', () => {
    // GIVEN staging's Ingress on class "platform", defined by the platform team elsewhere
    // WHEN declaring it as the default class
    const run = lint(staging, '--default-class', 'platform', '--only', 'CG-INGRESS');

    // THEN the class is known
    expect(run.code).toBe(0);
    expect(ruleIds(run)).toEqual([]);
  });

  test('"-" reads standard input, as from kustomize build or helm template, and names it <stdin>', () => {
    // GIVEN the staging manifests on standard input
    const text = fs.readFileSync(path.join(staging, 'shop', 'app.yaml'), 'utf-8');
    // WHEN linting "-"
    const run = lintWithStdin(text, '-', '--only', 'CG-INGRESS-004');

    // THEN findings carry <stdin> and the line of their document
    expect(run.code).toBe(1);
    expect(run.lines[0]).toMatch(/^<stdin>:23 Ingress\/shop\/shop CG-INGRESS-004 \[error\] /);
    expect(run.lines[1]).toBe('cdk8s-gateways lint: 1 error, 0 warnings, 0 suppressed (2 objects in 1 file)');
  });
});

describe('cdk8s-gateways lint: the JSON report follows docs/report-schema.json', () => {
  test('findings with values, unset values, lines and suppressions all validate', () => {
    // GIVEN the published schema, and reports with set values, (unset) values and a suppression
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'report-schema.json'), 'utf-8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const reports = [fixture('violations.yaml'), fixture('suppressed-valid.yaml'), fixture('external')]
      .map((f) => JSON.parse(lint('--format', 'json', f).stdout));

    // WHEN validating them
    // THEN each is valid, an unset value is the documented marker, and every finding from YAML has a line
    for (const report of reports) {
      expect(validate(report) ? [] : validate.errors).toEqual([]);
      for (const finding of report.findings) expect(finding.line).toBeGreaterThanOrEqual(1);
    }
    const unset = reports.flatMap((r) => r.findings).filter((f: { value?: string }) => f.value === '(unset)');
    expect(unset.length).toBeGreaterThan(0);
    expect(schema.definitions.finding.properties.value.description).toContain('(unset)');
  });
});
