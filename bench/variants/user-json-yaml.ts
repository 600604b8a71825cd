/**
 * Baseline (c): the user path's objects (captured by `user-capture.ts`) written straight to YAML with the
 * `yaml` package, no constructs: the cost of serializing and writing the output, and nothing else. Each file
 * is what cdk8s's `Yaml.save` writes (the same `yaml` options and `---` separators).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { UserPathCapture } from '../workload';

/** Writes every chart's file into `outdir`; returns the number of objects written. */
export function write(outdir: string, capture: UserPathCapture): number {
  fs.mkdirSync(outdir, { recursive: true });
  let objects = 0;
  for (const chart of capture.charts) {
    const text = chart.objects.map((doc) => YAML.stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' })).join('---\n');
    fs.writeFileSync(path.join(outdir, chart.fileName), text, { encoding: 'utf8' });
    objects += chart.objects.length;
  }
  return objects;
}
