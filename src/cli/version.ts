import * as fs from 'fs';
import * as path from 'path';

/** The version of the installed package, from its package.json (two levels above both src/cli and lib/cli). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8'));
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
