import path from 'node:path';

/** Whether `child` is `parent` or inside it: `..data/x.csv` is inside; only a leading `..` segment leaves `parent`. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
