export const id = 684;
export const ids = [684];
export const modules = {

/***/ 9684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installOllama: () => (/* binding */ installOllama),
/* harmony export */   releaseAsset: () => (/* binding */ releaseAsset)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

const ARCH = { x64: 'amd64', arm64: 'arm64' };
/** The release archive for this platform and where its `ollama` executable sits inside it. */
function releaseAsset(version, platform, arch) {
    const base = `https://github.com/ollama/ollama/releases/download/v${version}`;
    if (platform === 'linux') {
        const a = ARCH[arch];
        if (!a)
            throw new Error(`no Ollama release for linux/${arch}`);
        // bin/ollama loads its GPU runners from ../lib/ollama: the two must stay together.
        return { url: `${base}/ollama-linux-${a}.tgz`, binary: node_path__WEBPACK_IMPORTED_MODULE_0___default().join('bin', 'ollama') };
    }
    if (platform === 'darwin')
        return { url: `${base}/ollama-darwin.tgz`, binary: 'ollama' };
    throw new Error(`installing Ollama on ${platform} is not supported; put ollama on PATH or set ollama-url`);
}
/**
 * Installs an Ollama release with the tool cache: the whole archive is
 * extracted and cached as one directory (bin/ with lib/ollama/ beside it),
 * so a later job on the same runner finds it without downloading.
 * Returns the path of the `ollama` executable inside the cached directory.
 */
async function installOllama(version, tc, log, platform = process.platform, arch = process.arch) {
    const asset = releaseAsset(version, platform, arch);
    let dir = tc.find('ollama', version, arch);
    if (dir) {
        log.info(`Ollama ${version} found in the tool cache at ${dir}.`);
    }
    else {
        log.info(`Downloading Ollama ${version} from ${asset.url}.`);
        const archive = await tc.downloadTool(asset.url);
        const extracted = await tc.extractTar(archive, undefined, 'xz');
        dir = await tc.cacheDir(extracted, 'ollama', version, arch);
        log.info(`Ollama ${version} installed in ${dir}.`);
    }
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, asset.binary);
}


/***/ })

};
