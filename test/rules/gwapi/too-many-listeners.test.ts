import { gateway, listener, listenerSet } from './gwapi-manifests';
import { ALL_RULES } from '../../../src/rules/catalogue';
import { evaluate } from '../../../src/rules/evaluate';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { RuleReport } from '../../../src/rules/report';
import { assertValidManifests } from '../../schema-validator';
import { findingsOf, lintObjects, Manifest, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-010';

/** `count` HTTP listeners for h0.example.com, h1.example.com, ... */
function listeners(count: number) {
  return Array.from({ length: count }, (_, i) => listener({ name: `h${i}`, hostname: `h${i}.example.com` }));
}

/**
 * The rule exists for what the schema rejects, so `lintObjects` (which validates first) can not take these objects:
 * this proves the CRD schema rejects them on spec.listeners, then lints them as `lint` would read them from a file.
 */
function lintOverCap(objs: Manifest[]): RuleReport {
  expect(() => assertValidManifests(objs)).toThrow(/spec\.listeners/);
  return evaluate(new ClusterModel(objs.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })), new Set(), new Set()), ALL_RULES);
}

describe(`${ID} more listeners than a Gateway or ListenerSet takes`, () => {
  it('rejects a Gateway with 65 listeners, saying how to split them', () => {
    // GIVEN Gateway infra/web with 65 host listeners (the API server would reject it: maxItems 64)
    const f = singleFinding(lintOverCap([gateway({ listeners: listeners(65) })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Gateway', namespace: 'infra', name: 'web', field: 'spec.listeners', value: shown(65), severity: 'error' });
    expect(f.message).toBe('Gateway infra/web has 65 listeners, and a Gateway takes at most 64: move hosts into ListenerSets (a tenant\'s, 64 listeners each), '
      + 'cover hosts of one domain with one wildcard listener (*.example.com), or split them over several Gateways');
  });

  it('accepts a Gateway with exactly 64 listeners', () => {
    // GIVEN / THEN
    expect(findingsOf(lintObjects([gateway({ listeners: listeners(64) })]), ID)).toStrictEqual([]);
  });

  it('rejects a ListenerSet with 65 listeners', () => {
    // GIVEN ListenerSet tenant-a/tenant-a with 65 listeners on Gateway infra/web
    const objs = [gateway({ allowedListeners: { namespaces: { from: 'All' } } }), listenerSet({ listeners: listeners(65) })];
    // THEN
    const f = singleFinding(lintOverCap(objs), ID);
    expect(f).toMatchObject({ kind: 'ListenerSet', namespace: 'tenant-a', field: 'spec.listeners', value: shown(65) });
    expect(f.message).toContain('split it into several ListenerSets on the same Gateway');
  });

  it('accepts a Gateway of 64 listeners with ListenerSets of 64 each: v1.6.1 caps each object, not their sum', () => {
    // GIVEN 64 listeners on the Gateway and 64 on each of two ListenerSets (192 merged)
    const objs = [
      gateway({ listeners: listeners(64), allowedListeners: { namespaces: { from: 'All' } } }),
      listenerSet({ name: 'a', namespace: 'tenant-a', listeners: listeners(64).map((l) => ({ ...l, hostname: `a-${l.hostname}` })) }),
      listenerSet({ name: 'b', namespace: 'tenant-b', listeners: listeners(64).map((l) => ({ ...l, hostname: `b-${l.hostname}` })) }),
    ];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });
});
