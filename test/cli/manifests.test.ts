import { checkSecretReference, formatInputError, formatNotice, MANIFEST_LEVEL_RULES, parseManifests, readManifestFile } from '../../src/cli/manifests';
import { ALL_RULES } from '../../src/rules/catalogue';

describe('reading manifests from YAML', () => {
  test('documents are indexed from 0, counting empty ones, which yield no object', () => {
    // GIVEN YAML whose document 0 is only a comment and document 2 is empty
    const text = '---\n# nothing\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: b }\n';

    // WHEN parsing it
    const { objects, errors } = parseManifests(text, 'ns.yaml');

    // THEN the two objects keep the index of their document, and the line where its content starts
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.name, o.origin])).toEqual([
      ['a', { file: 'ns.yaml', documentIndex: 1, line: 4 }],
      ['b', { file: 'ns.yaml', documentIndex: 3, line: 9 }],
    ]);
  });

  test('an empty file yields nothing', () => {
    // GIVEN an empty file and one with only a comment
    // WHEN parsing them
    // THEN there are neither objects nor errors
    expect(parseManifests('', 'a.yaml')).toEqual({ objects: [], errors: [], notices: [] });
    expect(parseManifests('# only a comment\n', 'a.yaml')).toEqual({ objects: [], errors: [], notices: [] });
  });

  test('kind: List is expanded; typed list items get apiVersion and kind from the list', () => {
    // GIVEN a List with a ConfigMap, then a DeploymentList with an item that leaves out apiVersion and kind
    const text = [
      'apiVersion: v1\nkind: List\nitems:\n  - { apiVersion: v1, kind: ConfigMap, metadata: { name: c } }',
      'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n  - { metadata: { name: d, namespace: x } }\n  - { apiVersion: apps/v1, kind: Deployment, metadata: { name: e } }',
      'apiVersion: v1\nkind: List',
    ].join('\n---\n');

    // WHEN parsing it
    const { objects, errors } = parseManifests(text, 'l.yaml');

    // THEN every item is an object of its own, at its list's document index
    expect(errors).toEqual([]);
    expect(objects.map((o) => `${o.origin.documentIndex} ${o.apiVersion} ${o.ref}`)).toEqual([
      '0 v1 ConfigMap default/c',
      '1 apps/v1 Deployment x/d',
      '1 apps/v1 Deployment default/e',
    ]);
  });

  test('a kind ending in List without items is an ordinary object', () => {
    // GIVEN a custom resource whose kind happens to end in List
    const { objects, errors } = parseManifests('apiVersion: example.com/v1\nkind: AllowList\nmetadata: { name: a }\nspec: {}\n', 'a.yaml');

    // THEN it is kept as one object
    expect(errors).toEqual([]);
    expect(objects.map((o) => o.kind)).toEqual(['AllowList']);
  });

  test.each([
    ['- a\n- b\n', 'got a sequence'],
    ['just text\n', 'got a string'],
    ['42\n', 'got a number'],
    ['apiVersion: v1\nmetadata: { name: a }\n', 'kind missing or not a string'],
    ['kind: ConfigMap\n', 'apiVersion missing or not a string'],
    ['apiVersion: v1\nkind: 3\n', 'kind missing or not a string'],
    ['metadata: {}\n', 'apiVersion and kind missing or not a string'],
  ])('a document %j is not a Kubernetes object: skipped with a notice, not an error', (text, reason) => {
    // GIVEN a document of the wrong shape (line 5) after a valid one
    // WHEN parsing it
    const { objects, errors, notices } = parseManifests(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ok }\n---\n${text}`, 'bad.yaml');

    // THEN it is a notice at line 5, and the valid object is kept
    expect(objects).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(formatNotice(notices[0])).toMatch(/^bad\.yaml:5: skipped: not a Kubernetes object \(/);
    expect(notices[0].message).toContain(reason);
  });

  test.each([
    ['kustomization.yaml', 'resources:\n  - deployment.yaml\n', 'skipped: a kustomize kustomization (lint the output of kustomize build instead), not a Kubernetes object'],
    ['Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 1.0.0\n', 'skipped: Helm chart metadata, not a Kubernetes object'],
    ['values.yaml', 'replicaCount: 2\n', 'skipped: Helm values, not a Kubernetes object'],
    ['values-prod.yaml', 'image: { tag: 1.2.3 }\n', 'skipped: Helm values, not a Kubernetes object'],
    ['cdk8s.yaml', 'language: typescript\napp: npx ts-node main.ts\n', 'skipped: cdk8s project configuration, not a Kubernetes object'],
    ['kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
      'skipped: Kustomization is kustomize configuration (lint the output of kustomize build instead), not a Kubernetes object'],
    ['component.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
      'skipped: Component is kustomize configuration (lint the output of kustomize build instead), not a Kubernetes object'],
  ])('%s (%j) is skipped with a notice that says what it is', (file, text, message) => {
    // GIVEN a file that real GitOps repositories hold next to manifests
    // WHEN parsing it
    const result = parseManifests(text, `repo/${file}`);

    // THEN nothing is an object or an error, and the notice names the kind of file
    expect(result.objects).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([{ file: `repo/${file}`, line: 1, message }]);
  });

  test('list items of the wrong shape, and items that are not a sequence, are skipped with notices', () => {
    // GIVEN a List with a scalar item, and a List whose items is a mapping
    const text = 'apiVersion: v1\nkind: List\nitems: [hello]\n---\napiVersion: v1\nkind: List\nitems: { a: 1 }\n';

    // WHEN parsing it
    const { errors, notices } = parseManifests(text, 'l.yaml');

    // THEN both are reported with their document's line
    expect(errors).toEqual([]);
    expect(notices.map(formatNotice)).toEqual([
      'l.yaml:1: skipped: items[0]: not a Kubernetes object (a mapping with apiVersion and kind; got a string)',
      'l.yaml:5: skipped: List items is not a sequence of Kubernetes objects',
    ]);
  });

  test('a List inside a List is flattened', () => {
    // GIVEN a List whose second item is itself a List holding a ConfigMap
    const text = [
      'apiVersion: v1', 'kind: List', 'items:',
      '  - { apiVersion: v1, kind: Namespace, metadata: { name: outer } }',
      '  - apiVersion: v1', '    kind: List', '    items:', '      - { apiVersion: v1, kind: ConfigMap, metadata: { name: inner, namespace: outer } }',
    ].join('\n');

    // WHEN parsing it
    const { objects, errors } = parseManifests(text, 'nested.yaml');

    // THEN both objects come out, at the outer list's position
    expect(errors).toEqual([]);
    expect(objects.map((o) => `${o.ref} @${o.origin.line}`)).toEqual(['Namespace outer @1', 'ConfigMap outer/inner @1']);
  });

  test('merge keys (<<: *anchor) are applied, as kubectl applies them', () => {
    // GIVEN two Deployments sharing labels and resources through anchors and merge keys, the second overriding one key
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: defaults', '  labels: &labels { team: shop, tier: web }',
      'data: { a: "1" }',
      '---',
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: merged', '  labels:', '    <<: *labels', '    tier: api',
    ].join('\n');

    // WHEN parsing it (the anchor is in the same document: YAML anchors do not cross documents)
    const single = parseManifests([
      'apiVersion: v1', 'kind: List', 'items:',
      '  - { apiVersion: v1, kind: ConfigMap, metadata: { name: a, labels: &l { team: shop, tier: web } } }',
      '  - { apiVersion: v1, kind: ConfigMap, metadata: { name: b, labels: { <<: *l, tier: api } } }',
    ].join('\n'), 'm.yaml');

    // THEN the merged mapping has the anchor's keys, with local keys winning
    expect(single.errors).toEqual([]);
    expect(single.objects.map((o) => o.labels)).toEqual([{ team: 'shop', tier: 'web' }, { team: 'shop', tier: 'api' }]);
    // AND an alias to an anchor of another document is a parse error of that document, as in YAML
    const crossDocument = parseManifests(text, 'x.yaml');
    expect(crossDocument.errors).toHaveLength(1);
  });

  test('both YAML readers agree: a file the fast reader leaves to the full parser yields the same objects and lines', () => {
    // GIVEN the same documents, once plain and once with a %YAML directive (which only the full parser reads)
    const body = '---\n# comment\napiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n---\n---\n\napiVersion: v1\nkind: Namespace\nmetadata: { name: b }\n';
    const fast = parseManifests(body, 'f.yaml');
    const full = parseManifests(`%YAML 1.2\n${body}`, 'f.yaml');

    // THEN names, document indexes and lines match (the directive shifts every line by one)
    expect(fast.objects.map((o) => [o.name, o.origin.documentIndex, o.origin.line])).toEqual([['a', 0, 3], ['b', 2, 9]]);
    expect(full.objects.map((o) => [o.name, o.origin.documentIndex, o.origin.line! - 1])).toEqual([['a', 0, 3], ['b', 2, 9]]);
  });

  test('ingressClassName: null is unset, as for the API server', () => {
    // GIVEN an Ingress with an explicit null class
    const { objects } = parseManifests('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  ingressClassName: null\n  rules: []\n', 'i.yaml');

    // THEN the model sees no class at all
    expect(objects[0].json.spec).toEqual({ rules: [] });
  });

  test('syntax errors carry the line; errors found while resolving carry the document index', () => {
    // GIVEN a syntax error, and an alias to an anchor that does not exist
    const syntax = parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "unclosed\n', 's.yaml');
    const alias = parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: { name: ok }\n---\napiVersion: v1\nkind: ConfigMap\ndata: *missing\n', 'a.yaml');

    // WHEN formatting them
    // THEN each is one line
    expect(syntax.errors.map(formatInputError)).toEqual(['s.yaml: Missing closing "quote at line 5, column 1']);
    expect(alias.errors).toHaveLength(1);
    expect(formatInputError(alias.errors[0])).toMatch(/^a\.yaml:1: .*missing/);
  });

  test('duplicate keys are a syntax error, as for the API server', () => {
    // GIVEN a mapping with a key twice
    const { errors } = parseManifests('apiVersion: v1\nkind: ConfigMap\nkind: Secret\n', 'd.yaml');

    // THEN it is rejected with its line
    expect(errors.map(formatInputError)).toEqual(['d.yaml: Map keys must be unique at line 3, column 1']);
  });

  test('a missing file is an input error, not an exception', () => {
    // GIVEN a path that does not exist
    // WHEN reading it
    // THEN it is reported as an input error
    expect(readManifestFile('/nonexistent/x.yaml')).toEqual({ objects: [], errors: [{ file: '/nonexistent/x.yaml', message: 'no such file or directory' }], notices: [] });
  });

  test('secret references are namespace/name', () => {
    // GIVEN references of several shapes
    // THEN only namespace/name passes
    expect(checkSecretReference('shop/tls')).toBeUndefined();
    for (const bad of ['shop', 'shop/', '/tls', 'a/b/c', 'a b/c', '']) {
      expect(checkSecretReference(bad)).toBe(`"${bad}" is not a secret reference of the form namespace/name`);
    }
  });

  test('the manifest-level rules are the catalogue rules marked manifestLevel, in catalogue order', () => {
    // GIVEN the catalogue
    // THEN lint and the plugin apply exactly its manifest-level rules
    expect(MANIFEST_LEVEL_RULES.map((r) => r.id)).toEqual(ALL_RULES.filter((r) => r.manifestLevel).map((r) => r.id));
    expect(MANIFEST_LEVEL_RULES.length).toBeGreaterThan(0);
  });
});
