import { generateRealisticTree, type RealisticManifest, type RealisticOptions } from '../../bench/realistic.js';
import { makeTempDir, removeDir } from './tmp.js';

export type { RealisticManifest } from '../../bench/realistic.js';

/**
 * The generated ~1,000-file benchmarking repository of issue 10 (bench/realistic.ts),
 * written to a fresh temp directory. The manifest holds the ground truth:
 * file counts by kind, broken files, and the planted experiment, sweep,
 * sibling, workload and replicate structures with their exact statistics.
 * Call remove() when done (e.g. in afterAll).
 */
export async function writeRealisticTree(options: RealisticOptions = {}): Promise<{ dir: string; manifest: RealisticManifest; remove: () => void }> {
  const dir = makeTempDir('chimera-realistic-');
  try {
    const manifest = await generateRealisticTree(dir, options);
    return { dir, manifest, remove: () => removeDir(dir) };
  } catch (err) {
    removeDir(dir);
    throw err;
  }
}
