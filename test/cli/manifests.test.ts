import { checkSecretReference, formatInputError, MANIFEST_LEVEL_RULES, parseManifests, readManifestFile } from '../../src/cli/manifests';
import { ALL_RULES } from '../../src/rules/catalogue';

describe('reading manifests from YAML', () => {
  test('documents are indexed from 0, counting empty ones, which yield no object', () => {
    // GIVEN YAML whose document 0 is only a comment and document 2 is empty
    const text = '---\n# nothing\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: b }\n';

    // WHEN parsing it
    const { objects, errors } = parseManifests(text, 'ns.yaml');

    // THEN the two objects keep the index of their document
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.name, o.origin])).toEqual([
      ['a', { file: 'ns.yaml', documentIndex: 1 }],
      ['b', { file: 'ns.yaml', documentIndex: 3 }],
    ]);
  });

  test('an empty file yields nothing', () => {
    // GIVEN an empty file and one with only a comment
    // WHEN parsing them
    // THEN there are neither objects nor errors
    expect(parseManifests('', 'a.yaml')).toEqual({ objects: [], errors: [] });
    expect(parseManifests('# only a comment\n', 'a.yaml')).toEqual({ objects: [], errors: [] });
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
  ])('a document %j is not a Kubernetes object', (text, reason) => {
    // GIVEN a document of the wrong shape after a valid one
    // WHEN parsing it
    const { objects, errors } = parseManifests(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ok }\n---\n${text}`, 'bad.yaml');

    // THEN it is an input error at document 1
    expect(objects).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0].documentIndex).toBe(1);
    expect(errors[0].message).toMatch(/^document is not a Kubernetes object \(expected a mapping with apiVersion and kind/);
    expect(errors[0].message).toContain(reason);
  });

  test('list items of the wrong shape, and items that are not a sequence, are input errors', () => {
    // GIVEN a List with a scalar item, and a List whose items is a mapping
    const text = 'apiVersion: v1\nkind: List\nitems: [hello]\n---\napiVersion: v1\nkind: List\nitems: { a: 1 }\n';

    // WHEN parsing it
    const { errors } = parseManifests(text, 'l.yaml');

    // THEN both are reported with their document
    expect(errors.map(formatInputError)).toEqual([
      'l.yaml:0: items[0]: document is not a Kubernetes object (expected a mapping with apiVersion and kind, got a string)',
      'l.yaml:1: List items must be a sequence of Kubernetes objects',
    ]);
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
    expect(readManifestFile('/nonexistent/x.yaml')).toEqual({ objects: [], errors: [{ file: '/nonexistent/x.yaml', message: 'no such file or directory' }] });
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
