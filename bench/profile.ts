/**
 * `--profile`: summarizes a V8 `.cpuprofile` (written by `node --cpu-prof`) as the functions with the
 * most self time, so the report needs no DevTools to read.
 */
import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly hitCount?: number;
}

export interface HotFunction {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly share: number;
}

export function hotFunctions(profileFile: string, repoRoot: string, top = 20): HotFunction[] {
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const nodes: ProfileNode[] = profile.nodes;
  const totalHits = nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, { name: string; where: string; hits: number }>();
  for (const node of nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${shorten(url, repoRoot)}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where, hits: 0 };
    entry.hits += node.hitCount ?? 0;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, top)
    .map(({ name, where, hits }) => ({ name, where, selfMs: (hits / totalHits) * totalMs, share: hits / totalHits }));
}

/** `file:///tmp/.../src/rules/engine.js` → `src/rules/engine.js`; node_modules paths from the package name on. */
function shorten(url: string, repoRoot: string): string {
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) return file.slice(modules + '/node_modules/'.length);
  const compiled = file.search(/\/(src|bench)\//);
  if (compiled >= 0) return file.slice(compiled + 1);
  return path.relative(repoRoot, file);
}
