import path from 'node:path';

/** The @actions/tool-cache calls used here; tests pass a fake. */
export interface ToolCache {
  find(tool: string, version: string, arch?: string): string;
  downloadTool(url: string): Promise<string>;
  extractTar(file: string, dest?: string, flags?: string | string[]): Promise<string>;
  cacheDir(sourceDir: string, tool: string, version: string, arch?: string): Promise<string>;
}

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The release archive for this platform and where its `ollama` executable sits inside it. */
export function releaseAsset(version: string, platform: string, arch: string): { url: string; binary: string } {
  const base = `https://github.com/ollama/ollama/releases/download/v${version}`;
  if (platform === 'linux') {
    const a = ARCH[arch];
    if (!a) throw new Error(`no Ollama release for linux/${arch}`);
    // bin/ollama loads its GPU runners from ../lib/ollama: the two must stay together.
    return { url: `${base}/ollama-linux-${a}.tgz`, binary: path.join('bin', 'ollama') };
  }
  if (platform === 'darwin') return { url: `${base}/ollama-darwin.tgz`, binary: 'ollama' };
  throw new Error(`installing Ollama on ${platform} is not supported; put ollama on PATH or set ollama-url`);
}

/**
 * Installs an Ollama release with the tool cache: the whole archive is
 * extracted and cached as one directory (bin/ with lib/ollama/ beside it),
 * so a later job on the same runner finds it without downloading.
 * Returns the path of the `ollama` executable inside the cached directory.
 */
export async function installOllama(version: string, tc: ToolCache, log: { info(m: string): void }, platform: string = process.platform, arch: string = process.arch): Promise<string> {
  const asset = releaseAsset(version, platform, arch);
  let dir = tc.find('ollama', version, arch);
  if (dir) {
    log.info(`Ollama ${version} found in the tool cache at ${dir}.`);
  } else {
    log.info(`Downloading Ollama ${version} from ${asset.url}.`);
    const archive = await tc.downloadTool(asset.url);
    const extracted = await tc.extractTar(archive, undefined, 'xz');
    dir = await tc.cacheDir(extracted, 'ollama', version, arch);
    log.info(`Ollama ${version} installed in ${dir}.`);
  }
  return path.join(dir, asset.binary);
}
