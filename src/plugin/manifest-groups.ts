import * as fs from 'fs';
import * as path from 'path';

/** The file cdk8s writes into its output directory when validation plugins are configured (cdk8s `App`). */
export const CONSTRUCT_METADATA_FILE = 'construct-metadata.json';

/** Manifests checked together, as one cluster. */
export interface ManifestGroup {
  /** The folder the group stands for (the output directory itself in `output` scope). */
  readonly folder: string;
  readonly manifests: string[];
}

/**
 * The output directory of a synth: the nearest folder at or above the manifests' common folder that holds
 * `construct-metadata.json` (cdk8s-cli has the app write it there whenever validations are configured), looking no
 * higher than the working directory (the cdk8s project), or else the common folder itself.
 */
export function outputDirectoryOf(manifests: readonly string[]): string {
  const common = commonFolder(manifests.map((m) => path.dirname(path.resolve(m))));
  const project = process.cwd();
  for (let dir = common; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CONSTRUCT_METADATA_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir || dir === project || !isInside(parent, project)) return common;
  }
}

function isInside(dir: string, ancestor: string): boolean {
  return dir === ancestor || dir.startsWith(ancestor.endsWith(path.sep) ? ancestor : ancestor + path.sep);
}

/**
 * Splits the manifests into the clusters they are applied to.
 * - `output`: every manifest of the synth is one cluster.
 * - `folder`: each top-level folder of the output directory is one cluster (with everything below it); the
 *   manifests directly in the output directory are one more. For a GitOps repo with one folder per cluster.
 */
export function groupManifests(manifests: readonly string[], scope: 'output' | 'folder'): ManifestGroup[] {
  if (manifests.length === 0) return [];
  const outdir = outputDirectoryOf(manifests);
  if (scope === 'output') return [{ folder: outdir, manifests: [...manifests] }];
  const groups = new Map<string, string[]>();
  for (const manifest of manifests) {
    const relative = path.relative(outdir, path.resolve(manifest));
    const segments = relative.split(path.sep);
    const folder = segments.length > 1 ? path.join(outdir, segments[0]) : outdir;
    const list = groups.get(folder);
    if (list) list.push(manifest);
    else groups.set(folder, [manifest]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, list]) => ({ folder, manifests: list }));
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0];
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      const parent = path.dirname(common);
      if (parent === common) return common;
      common = parent;
    }
  }
  return common;
}
