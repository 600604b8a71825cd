/**
 * PromQL checks with the Prometheus project's own grammar (@prometheus-io/lezer-promql): syntax errors, and the metric
 * names an expression selects.
 */
import type { LRParser } from '@lezer/lr';

// The package is an ES module with a CommonJS build (dist/index.cjs), which `require` picks through its exports map.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser }: { parser: LRParser } = require('@prometheus-io/lezer-promql');

/** The text of every error node of the parse, empty when the expression parses. */
export function promqlErrors(expr: string): string[] {
  const errors: string[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) errors.push(`at ${cursor.from}: "${expr.slice(cursor.from, Math.max(cursor.to, cursor.from + 10))}"`);
  } while (cursor.next());
  return errors;
}

/** The metric names of every vector selector in the expression (its `Identifier` child). */
export function selectedMetrics(expr: string): string[] {
  const names = new Set<string>();
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.name === 'VectorSelector' && cursor.firstChild()) {
      if ((cursor.type.name as string) === 'Identifier') names.add(expr.slice(cursor.from, cursor.to));
      cursor.parent();
    }
  } while (cursor.next());
  return [...names].sort();
}
