import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { ManifestInputError, ManifestNotice } from './manifests';

/**
 * Which files `lint` reads: files as given, folders recursively in sorted order, without
 * node_modules, hidden folders, Helm chart folders (templates are not YAML until rendered) and
 * whatever `--exclude` names.
 */

export interface CollectedFiles {
  readonly files: string[];
  readonly errors: ManifestInputError[];
  /** Folders and files left out, and why. */
  readonly notices: ManifestNotice[];
}

/**
 * A glob as a matcher. `*` and `?` stay within one path segment, `**` spans any number of them.
 * A glob without `/` matches the name of a file or folder anywhere; one with `/` matches the path
 * relative to the folder given on the command line (or the path as given, for files).
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const pattern = new RegExp(`^${source.replace(/\/$/, '')}$`);
  const byName = !glob.replace(/\/$/, '').includes('/');
  return (relativePath) => {
    const posix = relativePath.split(path.sep).join('/');
    return pattern.test(byName ? posix.slice(posix.lastIndexOf('/') + 1) : posix);
  };
}

/** Expands the arguments into YAML files. Each file appears once, at its first position. */
export function collectFiles(paths: readonly string[], excludes: readonly string[] = []): CollectedFiles {
  const files: string[] = [];
  const errors: ManifestInputError[] = [];
  const notices: ManifestNotice[] = [];
  const excluded = excludes.map(globMatcher);
  const isExcluded = (relative: string) => excluded.some((match) => match(relative));
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push({ file: p, message: 'no such file or directory' });
      continue;
    }
    if (!stat.isDirectory()) {
      if (!isExcluded(p)) add(p);
      continue;
    }
    const found: string[] = [];
    const errorsBefore = errors.length;
    const noticesBefore = notices.length;
    walk(p, p, { found, errors, notices, visited: new Set(), isExcluded });
    if (found.length === 0 && errors.length === errorsBefore && notices.length === noticesBefore) {
      errors.push({ file: p, message: 'no .yaml or .yml files found in this folder' });
    }
    found.forEach(add);
  }
  return { files, errors, notices: [...notices, ...kustomizePatchNotices(files)] };
}

interface WalkState {
  readonly found: string[];
  readonly errors: ManifestInputError[];
  readonly notices: ManifestNotice[];
  readonly visited: Set<string>;
  readonly isExcluded: (relative: string) => boolean;
}

function walk(root: string, dir: string, state: WalkState): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (state.visited.has(real)) return; // a symlink loop
  state.visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name));
  } catch (err) {
    state.errors.push({ file: dir, message: `cannot read folder (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    return;
  }
  // A Helm chart's templates are Go templates, not YAML: only their rendered output can be checked.
  if (entries.some((e) => /^Chart\.ya?ml$/.test(e.name) && !e.isDirectory())) {
    state.notices.push({ file: dir, message: 'skipped: a Helm chart; lint its rendered output instead (helm template <release> <chart> | cdk8s-gateways lint -)' });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (state.isExcluded(path.relative(root, full))) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(root, full, state);
    } else if (isFile && /\.ya?ml$/i.test(entry.name)) {
      state.found.push(full);
    }
  }
}

/** Fields of a kustomization that name patch files: partial objects that kustomize merges, not objects to check alone. */
const PATCH_FIELDS = ['patchesStrategicMerge', 'patches', 'patchesJson6902'];

/**
 * Patch files that a kustomization among `files` names: they are removed from `files` (in place) and
 * reported as skipped, since a patch is a fragment that would draw findings for everything it leaves out.
 */
function kustomizePatchNotices(files: string[]): ManifestNotice[] {
  const patches = new Set<string>();
  for (const file of files) {
    if (!/^(kustomization\.ya?ml|Kustomization)$/.test(path.basename(file))) continue;
    let kustomization: any;
    try {
      kustomization = jsyaml.load(fs.readFileSync(file, 'utf-8'));
    } catch {
      continue; // reading it again reports the problem
    }
    if (typeof kustomization !== 'object' || kustomization === null) continue;
    for (const field of PATCH_FIELDS) {
      const entries = Array.isArray(kustomization[field]) ? kustomization[field] : [];
      for (const entry of entries) {
        const patchPath = typeof entry === 'string' ? entry : typeof entry?.path === 'string' ? entry.path : undefined;
        if (patchPath) patches.add(path.resolve(path.dirname(file), patchPath));
      }
    }
  }
  if (patches.size === 0) return [];
  const notices: ManifestNotice[] = [];
  for (let i = files.length - 1; i >= 0; i--) {
    if (!patches.has(path.resolve(files[i]))) continue;
    notices.unshift({ file: files[i], message: 'skipped: a kustomize patch (a fragment merged by kustomize build, not an object of its own)' });
    files.splice(i, 1);
  }
  return notices;
}

/** Code-point order, so the file order is the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
