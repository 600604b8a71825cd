/**
 * Test-time evaluation of the CRDs' `x-kubernetes-validations` (CEL) rules, which the API server enforces on create
 * and update and which a JSON-schema validator skips.
 *
 * The object is walked along its CRD version's openAPIV3Schema (properties, items, additionalProperties); at every
 * node that has rules and a value, each rule runs with `self` bound to that value, converted the way the API server
 * converts unstructured data (integers are CEL `int`, `number` fields are `double`, property names are escaped).
 * Schema `default`s are applied first, as the API server defaults an object before it validates it (rules such as
 * `size(self.group) == 0` rely on that).
 * Transition rules (those that read `oldSelf`) are skipped: a synthesized object has no previous version.
 *
 * Evaluation uses @bufbuild/cel, with the Kubernetes library functions of ./cel-functions.ts.
 */
import { CelValue, celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { KUBERNETES_CEL_FUNCTIONS, escapeKubernetesPropertyName } from './cel-functions';

type Evaluate = (bindings: { self: unknown }) => CelValue | Error;

interface CompiledRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: Evaluate;
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly evaluate: Evaluate;
}

interface SchemaNode {
  readonly type?: string;
  readonly format?: string;
  /** Defaults of absent properties, by property name. */
  readonly defaults: Map<string, unknown>;
  readonly rules: CompiledRule[];
  readonly properties?: Map<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode;
}

/** One rule that the object breaks. */
export interface CelRuleFailure {
  /** `apiVersion/kind namespace/name`. */
  readonly objectRef: string;
  /** JSON path of the value the rule is declared on, with the rule's `fieldPath` appended when it has one. */
  readonly path: string;
  /** The rule's `messageExpression` result, else its `message`, else `failed rule: <rule>` (as the API server). */
  readonly message: string;
  readonly reason?: string;
  readonly rule: string;
}

/** A rule that could not be compiled: a gap in the function library, not a property of the object. */
export interface UncompiledRule {
  readonly schemaPath: string;
  readonly rule: string;
  readonly error: string;
}

/** What one served CRD version holds. */
export interface CelRuleCount {
  /** `apiVersion/kind`. */
  readonly kind: string;
  readonly compiled: number;
  /** Rules with `oldSelf`: only meaningful on update. */
  readonly transitionSkipped: number;
  readonly uncompiled: UncompiledRule[];
}

export interface CelValidator {
  /** `apiVersion/kind` of every served CRD version that has at least one rule. */
  readonly kinds: string[];
  failures(obj: any): CelRuleFailure[];
  /** One line per failure, `<path>: <message> (CEL rule: <rule>)`; empty when every rule holds. */
  validateObject(obj: any): string[];
  /** Compiles every kind's rules (otherwise compiled on first use) and counts them. */
  countRules(): CelRuleCount[];
}

const env = celEnv({ funcs: KUBERNETES_CEL_FUNCTIONS });

/** Names of the functions and methods an expression calls (operators such as `_==_` and macros excluded). */
function calledFunctions(node: unknown, into = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return into;
  const kind = (node as any).exprKind;
  if (kind?.case === 'callExpr' && /^[A-Za-z]/.test(kind.value.function)) into.add(kind.value.function);
  for (const value of Object.values(node)) {
    if (typeof value === 'object' && value !== null && typeof value !== 'bigint') calledFunctions(value, into);
  }
  return into;
}

/**
 * Parses and plans an expression. @bufbuild/cel binds functions at evaluation time, so a function the environment
 * lacks is found here instead, where it is a library gap and not a property of the object under test.
 */
function compileExpression(expression: string): Evaluate {
  const parsed = parse(expression);
  const unbound = [...calledFunctions(parsed.expr)].sort().filter((name) => !env.funcs.find(name));
  if (unbound.length) throw new Error(`no implementation of ${unbound.join(', ')} in the CEL environment`);
  const run = plan(env, parsed);
  return (bindings) => {
    try {
      return run(bindings as any);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  };
}

function hasRules(schema: any): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (schema['x-kubernetes-validations']?.length) return true;
  return Object.values<any>(schema.properties ?? {}).some(hasRules)
    || hasRules(schema.items) || hasRules(schema.additionalProperties);
}

class RuleCompiler {
  compiled = 0;
  transitionSkipped = 0;
  readonly uncompiled: UncompiledRule[] = [];

  node(schema: any, schemaPath: string): SchemaNode {
    const rules: CompiledRule[] = [];
    for (const r of schema['x-kubernetes-validations'] ?? []) {
      if (/\boldSelf\b/.test(r.rule)) {
        this.transitionSkipped++;
        continue;
      }
      try {
        rules.push({
          rule: r.rule,
          message: r.message,
          messageExpression: r.messageExpression ? compileExpression(r.messageExpression) : undefined,
          fieldPath: r.fieldPath,
          reason: r.reason,
          evaluate: compileExpression(r.rule),
        });
        this.compiled++;
      } catch (e) {
        this.uncompiled.push({ schemaPath, rule: r.rule, error: e instanceof Error ? e.message : String(e) });
      }
    }
    const properties = schema.properties
      ? new Map(Object.entries<any>(schema.properties).map(([k, v]) => [k, this.node(v, `${schemaPath}.${k}`)]))
      : undefined;
    return {
      type: schema.type,
      format: schema.format,
      defaults: new Map(Object.entries<any>(schema.properties ?? {})
        .filter(([, v]) => v.default !== undefined).map(([k, v]) => [k, v.default])),
      rules,
      properties,
      items: typeof schema.items === 'object' ? this.node(schema.items, `${schemaPath}[*]`) : undefined,
      additionalProperties: typeof schema.additionalProperties === 'object'
        ? this.node(schema.additionalProperties, `${schemaPath}[*]`) : undefined,
    };
  }
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** A rule's `fieldPath` is a relative JSON path (`.spec.x` or `['a.b']`); it is appended as written. */
function withFieldPath(path: string, fieldPath: string | undefined): string {
  if (!fieldPath) return path || '.';
  return `${path}${fieldPath.startsWith('.') || fieldPath.startsWith('[') ? '' : '.'}${fieldPath}`;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Walks `value` along `node`, returns its CEL value and collects failures of the rules at and below it. Children are
 * converted before their parent so a parent's `self` is built once.
 */
function walk(value: unknown, node: SchemaNode | undefined, path: string, report: (f: Omit<CelRuleFailure, 'objectRef'>) => void,
  root = false): unknown {
  let cel: unknown;
  if (Array.isArray(value)) {
    cel = value.map((item, i) => walk(item, node?.items, childPath(path, i), report));
  } else if (typeof value === 'object' && value !== null) {
    const map = new Map<string, unknown>();
    const entries = Object.entries(value);
    for (const [key, fallback] of node?.defaults ?? []) {
      if (!(key in value)) entries.push([key, structuredClone(fallback)]);
    }
    for (const [key, child] of entries) {
      const declared = node?.properties?.get(key);
      if (declared) {
        // At the root, `metadata` offers only name and generateName to rules (as in the API server).
        const visible = root && key === 'metadata' && typeof child === 'object' && child !== null
          ? Object.fromEntries(Object.entries(child).filter(([k]) => k === 'name' || k === 'generateName'))
          : child;
        map.set(escapeKubernetesPropertyName(key), walk(visible, declared, childPath(path, key), report));
      } else {
        map.set(key, walk(child, node?.additionalProperties, childPath(path, key), report));
      }
    }
    cel = map;
  } else if (typeof value === 'string' && node?.format === 'byte') {
    // `format: byte` is CEL bytes on the API server. (No rule of the shared CRDs sits above a date-time or duration
    // format field, so those stay strings here instead of becoming timestamps and durations.)
    cel = new Uint8Array(Buffer.from(value, 'base64'));
  } else if (typeof value === 'number') {
    // The API server's unstructured conversion: whole numbers are int unless the schema says number.
    cel = Number.isInteger(value) && node?.type !== 'number' ? BigInt(value) : value;
  } else {
    cel = value;
  }
  if (node && value !== null && value !== undefined) {
    for (const rule of node.rules) {
      const result = rule.evaluate({ self: cel });
      if (result === true) continue;
      const at = withFieldPath(path, rule.fieldPath);
      if (result instanceof Error || isCelError(result)) {
        report({ path: at, message: `evaluation error: ${describeError(result)}`, rule: rule.rule, reason: rule.reason });
        continue;
      }
      let message = rule.message ?? `failed rule: ${rule.rule}`;
      if (rule.messageExpression) {
        const computed = rule.messageExpression({ self: cel });
        if (typeof computed === 'string' && computed.trim()) message = computed;
      }
      report({ path: at, message, rule: rule.rule, reason: rule.reason });
    }
  }
  return cel;
}

/** Builds a validator over the CRD documents (already parsed), compiling each kind's rules on first use. */
export function createCelValidator(crds: any[]): CelValidator {
  const sources = new Map<string, { schema: any; count?: CelRuleCount; root?: SchemaNode }>();
  for (const crd of crds) {
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    const { group, names: { kind } } = crd.spec;
    for (const version of crd.spec.versions ?? []) {
      const schema = version.schema?.openAPIV3Schema;
      if (version.served === false || !hasRules(schema)) continue;
      sources.set(`${group}/${version.name}/${kind}`, { schema });
    }
  }

  const compiledFor = (key: string) => {
    const source = sources.get(key)!;
    if (!source.root) {
      const compiler = new RuleCompiler();
      source.root = compiler.node(source.schema, '');
      source.count = {
        kind: key,
        compiled: compiler.compiled,
        transitionSkipped: compiler.transitionSkipped,
        uncompiled: compiler.uncompiled,
      };
    }
    return source as Required<typeof source>;
  };

  const failures = (obj: any): CelRuleFailure[] => {
    const key = `${obj?.apiVersion}/${obj?.kind}`;
    if (!sources.has(key)) return [];
    const ns = obj.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
    const objectRef = `${key} ${ns}${obj.metadata?.name ?? '<unnamed>'}`;
    const found: CelRuleFailure[] = [];
    walk(obj, compiledFor(key).root, '', (f) => found.push({ objectRef, ...f }), true);
    return found;
  };

  return {
    kinds: [...sources.keys()].sort(),
    failures,
    validateObject: (obj) => failures(obj).map((f) =>
      `${f.path}: ${f.message}${f.reason ? ` [${f.reason}]` : ''} (CEL rule: ${f.rule})`),
    countRules: () => [...sources.keys()].sort().map((key) => compiledFor(key).count),
  };
}
