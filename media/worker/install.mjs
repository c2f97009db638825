#!/usr/bin/env node
// Makes a mediasoup-worker binary for the pinned mediasoup version available.
//
// Runs as the project's postinstall (`node media/worker/install.mjs`) because
// package.json denies mediasoup's own postinstall: that one downloads from GitHub,
// then falls back to `pip install meson ninja` and meson wraps that download the
// worker's dependencies, none of which works on machines that only reach the npm
// registry and a Debian mirror. Order of attempts:
//
//   1. MEDIASOUP_WORKER_BIN points at an existing file: nothing to do.
//   2. The per-user cache already holds a binary for this version that runs.
//   3. The prebuilt binary mediasoup's postinstall would download (same URL).
//   4. An offline build from node_modules/mediasoup/worker against Debian's system
//      libraries, with libsrtp 2.5.0 (from `apt-get source libsrtp2`) built with
//      OpenSSL as upstream does. See /work/shared/notes/mediasoup-offline.md.
//
// The result lives in ${XDG_CACHE_HOME:-~/.cache}/consortium-hub/mediasoup-worker/
// <version>-<platform>-<arch>/mediasoup-worker; media/worker-binary.ts finds it at
// run time. Set CONSORTIUM_HUB_SKIP_MEDIA_WORKER=1 to skip all of this.
//
// Flags: --rebuild (ignore the cache), --no-download (go straight to building).
//
// Environment:
//   MEDIASOUP_WORKER_BIN                         use this binary, do nothing
//   CONSORTIUM_HUB_SKIP_MEDIA_WORKER=1           skip entirely
//   MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL  mirror of the GitHub release downloads
//   MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD=1    don't try to download
//   MEDIASOUP_MAX_CORES                          parallel compile jobs (default: all cores)
//   CONSORTIUM_HUB_MEDIA_WORKER_SYSTEM_SRTP=1    link Debian's NSS-based libsrtp2 instead
//                                                of building libsrtp with OpenSSL (slower)

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const DOWNLOAD_CONNECT_TIMEOUT_MS = 15_000;
const DOWNLOAD_TOTAL_TIMEOUT_MS = 120_000;
const LOCK_STALE_AFTER_MS = 60 * 60_000;
const LOCK_WAIT_MAX_MS = 45 * 60_000;
// exit code of mediasoup-worker started without MEDIASOUP_VERSION (worker/src/main.cpp)
const WORKER_EXIT_CODE_WITHOUT_VERSION = 41;

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(scriptDir, '..', '..');
const args = new Set(process.argv.slice(2));

class InstallError extends Error {}

function log(message) {
  console.log(`[media-worker] ${message}`);
}

function warn(message) {
  console.warn(`[media-worker] WARNING: ${message}`);
}

function elapsed(since) {
  const s = Math.round((Date.now() - since) / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

// Mirrors media/worker-binary.ts; keep the two in step.
function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'consortium-hub', 'mediasoup-worker');
}

function locateMediasoup() {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  let pkgJson;
  try {
    pkgJson = require.resolve('mediasoup/package.json');
  } catch {
    throw new InstallError(
      `mediasoup is not installed under ${projectRoot}/node_modules; run npm install first`,
    );
  }
  const dir = path.dirname(pkgJson);
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  return { dir, version: pkg.version, repositoryUrl: pkg.repository?.url ?? '' };
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Same check as mediasoup's postinstall: without MEDIASOUP_VERSION the worker exits 41. */
function workerRuns(bin) {
  if (!isFile(bin)) return false;
  const res = spawnSync(bin, [], { env: {}, stdio: 'ignore', timeout: 10_000 });
  return res.status === WORKER_EXIT_CODE_WITHOUT_VERSION;
}

function workerFailureReason(bin) {
  const res = spawnSync(bin, [], { env: {}, encoding: 'utf8', timeout: 10_000 });
  if (res.error) return String(res.error.message);
  return `exit ${res.status ?? res.signal}: ${(res.stderr || '').trim().split('\n').slice(-3).join(' | ')}`;
}

/** Puts `source` at `target` atomically: a reader sees either nothing or the whole file. */
function installAtomically(source, target) {
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  fs.copyFileSync(source, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, target);
}

// ---------------------------------------------------------------------------
// Cross-process lock: mkdir is atomic; the owner's pid is recorded so a lock left
// by a killed install is taken over instead of blocking forever.

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function withLock(lockDir, fn) {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(
        path.join(lockDir, 'owner.json'),
        JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
      );
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = null;
    try {
      owner = JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
    } catch {
      // being written right now, or the owner died between mkdir and write
    }
    const lockAge = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    const ownerGone = owner && owner.host === os.hostname() && !pidAlive(owner.pid);
    if (ownerGone || lockAge > LOCK_STALE_AFTER_MS) {
      warn(`taking over a stale lock ${lockDir} (${owner ? `pid ${owner.pid}` : 'no owner'})`);
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log(`another install (${owner ? `pid ${owner.pid}` : 'starting'}) is preparing the worker; waiting for it`);
      announced = true;
    }
    if (Date.now() - started > LOCK_WAIT_MAX_MS) {
      throw new InstallError(`gave up waiting for the lock ${lockDir}; remove it if no install is running`);
    }
    await sleep(2000);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Prebuilt download (same URL scheme as node_modules/mediasoup/npm-scripts.mjs).

/** Minimal ustar reader: returns the contents of the entry whose base name is `name`. */
function extractFromTar(tar, name) {
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const cstr = (start, len) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
    const prefix = cstr(345, 155);
    const entryName = prefix ? `${prefix}/${cstr(0, 100)}` : cstr(0, 100);
    const size = parseInt(cstr(124, 12).trim() || '0', 8);
    const type = cstr(156, 1) || '0';
    const dataStart = offset + 512;
    if ((type === '0' || type === '\0') && path.posix.basename(entryName) === name) {
      return tar.subarray(dataStart, dataStart + size);
    }
    offset = dataStart + Math.ceil(size / 512) * 512;
  }
  return null;
}

async function downloadPrebuilt(mediasoup, targetDir) {
  if (process.env.MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD || args.has('--no-download')) {
    log('prebuilt download skipped (MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD / --no-download)');
    return false;
  }
  const releaseBase =
    process.env.MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL ||
    `${mediasoup.repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '')}/releases/download`;
  const tarName = `mediasoup-worker-${mediasoup.version}-${os.platform()}-${os.arch()}.tgz`;
  const url = `${releaseBase}/${mediasoup.version}/${tarName}`;
  log(`trying the prebuilt worker: ${url}`);

  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error('no response in time')), DOWNLOAD_CONNECT_TIMEOUT_MS);
  let body;
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!res.ok) {
      log(`no prebuilt worker (${res.status} ${res.statusText})`);
      return false;
    }
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error('download too slow')), DOWNLOAD_TOTAL_TIMEOUT_MS);
    body = Buffer.from(await res.arrayBuffer());
  } catch (error) {
    const cause = error.cause?.code ?? error.cause?.message ?? error.message;
    log(`prebuilt worker not reachable (${cause})`);
    return false;
  } finally {
    clearTimeout(timer);
  }

  let binary;
  try {
    binary = extractFromTar(zlib.gunzipSync(body), 'mediasoup-worker');
  } catch (error) {
    warn(`downloaded ${tarName} is not a valid .tgz: ${error.message}`);
    return false;
  }
  if (!binary) {
    warn(`downloaded ${tarName} holds no mediasoup-worker`);
    return false;
  }
  fs.mkdirSync(targetDir, { recursive: true });
  const tmp = path.join(targetDir, `mediasoup-worker.download-${process.pid}`);
  fs.writeFileSync(tmp, binary, { mode: 0o755 });
  try {
    if (!workerRuns(tmp)) {
      // e.g. a glibc older than the one the prebuilt binary was linked against
      warn(`the prebuilt worker does not run on this host (${workerFailureReason(tmp)}); building instead`);
      return false;
    }
    installAtomically(tmp, path.join(targetDir, 'mediasoup-worker'));
    writeBuildInfo(targetDir, { source: 'prebuilt', url, sha256: sha256(binary) });
    log('got the prebuilt worker');
    return true;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

function writeBuildInfo(targetDir, info) {
  fs.writeFileSync(
    path.join(targetDir, 'build-info.json'),
    `${JSON.stringify({ ...info, createdAt: new Date().toISOString() }, null, 2)}\n`,
  );
}

// ---------------------------------------------------------------------------
// Offline build.

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function pkgConfigHas(module) {
  return spawnSync('pkg-config', ['--exists', module], { stdio: 'ignore' }).status === 0;
}

function mesonVersionOk() {
  const res = spawnSync('meson', ['--version'], { encoding: 'utf8' });
  if (res.status !== 0) return false;
  const [major, minor] = res.stdout.trim().split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 0);
}

const ABSL_MODULES = [
  'absl_flat_hash_map', 'absl_flat_hash_set', 'absl_btree', 'absl_inlined_vector', 'absl_memory',
  'absl_optional', 'absl_variant', 'absl_span', 'absl_strings',
];

/** What the build needs, as [what is checked, Debian package, present?]. */
function buildRequirements({ systemSrtp }) {
  const haveCmd = (c) => commandExists(c);
  const havePkg = (m) => commandExists('pkg-config') && pkgConfigHas(m);
  const reqs = [
    ['C/C++ compiler (cc, c++)', 'build-essential', haveCmd('cc') && haveCmd('c++') && haveCmd('make')],
    ['pkg-config', 'pkg-config', haveCmd('pkg-config')],
    ['meson >= 1.0', 'meson', haveCmd('meson') && mesonVersionOk()],
    ['ninja', 'ninja-build', haveCmd('ninja')],
    ['OpenSSL headers (pkg-config openssl)', 'libssl-dev', havePkg('openssl')],
    ['libuv headers (pkg-config libuv)', 'libuv1-dev', havePkg('libuv')],
    ['usrsctp headers (pkg-config usrsctp)', 'libusrsctp-dev', havePkg('usrsctp')],
    ['abseil headers (pkg-config absl_*)', 'libabsl-dev', ABSL_MODULES.every(havePkg)],
    ['nlohmann-json headers (pkg-config nlohmann_json)', 'nlohmann-json3-dev', havePkg('nlohmann_json')],
  ];
  if (systemSrtp) reqs.push(['libsrtp2 headers (pkg-config libsrtp2)', 'libsrtp2-dev', havePkg('libsrtp2')]);
  return reqs;
}

function aptLine(packages) {
  return `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

function runChecked(cmd, cmdArgs, options = {}) {
  const res = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...options });
  if (res.status !== 0) {
    throw new InstallError(`\`${cmd} ${cmdArgs.join(' ')}\` failed (${res.error?.message ?? `exit ${res.status}`})`);
  }
  return res;
}

function ensureBuildTools(options) {
  let missing = buildRequirements(options).filter(([, , ok]) => !ok);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && commandExists('apt-get');
  if (canApt) {
    log(`installing build packages: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Waits for dpkg's lock rather than failing when another apt-get (e.g. the tests' system
    // packages, test/support/system-packages.mjs) holds it.
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    runChecked('apt-get', [...lock, 'update'], { env });
    runChecked('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...packages], { env });
    missing = buildRequirements(options).filter(([, , ok]) => !ok);
  }
  if (missing.length > 0) {
    throw new InstallError(
      [
        'cannot build mediasoup-worker; missing:',
        ...missing.map(([what, pkg]) => `  - ${what}  (Debian package ${pkg})`),
        `On Debian/Ubuntu, as root: apt-get update && ${aptLine([...new Set(missing.map(([, p]) => p))])}`,
      ].join('\n'),
    );
  }
}

function osRelease() {
  try {
    return Object.fromEntries(
      fs.readFileSync('/etc/os-release', 'utf8').split('\n')
        .map((line) => line.match(/^([A-Z_]+)=("?)(.*)\2$/))
        .filter(Boolean)
        .map((m) => [m[1], m[3]]),
    );
  } catch {
    return {};
  }
}

/**
 * The distribution's main archive as configured for binary packages (which may be a
 * local mirror), so that the matching deb-src entry can be used privately.
 */
function findMainArchive() {
  const codename = osRelease().VERSION_CODENAME;
  if (!codename) return null;
  const entries = [];
  const readText = (file) => { try { return fs.readFileSync(file, 'utf8'); } catch { return ''; } };
  const oneLine = ['/etc/apt/sources.list'];
  const deb822 = [];
  for (const name of (fs.existsSync('/etc/apt/sources.list.d') ? fs.readdirSync('/etc/apt/sources.list.d') : [])) {
    const file = path.join('/etc/apt/sources.list.d', name);
    if (name.endsWith('.list')) oneLine.push(file);
    if (name.endsWith('.sources')) deb822.push(file);
  }
  for (const file of oneLine) {
    for (const raw of readText(file).split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      const m = line.match(/^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s+(.+)$/);
      if (!m) continue;
      const signedBy = m[1]?.match(/signed-by=(\S+)/)?.[1];
      entries.push({ uri: m[2], suites: [m[3]], components: m[4].split(/\s+/), signedBy });
    }
  }
  for (const file of deb822) {
    for (const stanza of readText(file).split(/\n\s*\n/)) {
      const fields = {};
      for (const raw of stanza.split('\n')) {
        if (raw.startsWith('#')) continue;
        const m = raw.match(/^([A-Za-z-]+):\s*(.*)$/);
        if (m) fields[m[1].toLowerCase()] = m[2].trim();
      }
      if (!fields.types?.split(/\s+/).includes('deb') || !fields.uris) continue;
      if ((fields.enabled ?? 'yes') === 'no') continue;
      for (const uri of fields.uris.split(/\s+/)) {
        entries.push({
          uri,
          suites: (fields.suites ?? '').split(/\s+/),
          components: (fields.components ?? '').split(/\s+/),
          signedBy: fields['signed-by'],
        });
      }
    }
  }
  const main = entries.find((e) => e.suites.includes(codename) && e.components.includes('main'));
  return main ? { ...main, suite: codename } : null;
}

/**
 * Fetches the libsrtp2 source package with a private apt configuration (nothing under
 * /etc/apt is changed) and returns the upstream tarball, checked against the hash in
 * mediasoup's own libsrtp2.wrap.
 */
function fetchLibsrtpSource(mediasoup, workDir) {
  const wrap = fs.readFileSync(path.join(mediasoup.dir, 'worker', 'subprojects', 'libsrtp2.wrap'), 'utf8');
  const wanted = {
    directory: wrap.match(/^directory\s*=\s*(\S+)/m)?.[1],
    hash: wrap.match(/^source_hash\s*=\s*(\S+)/m)?.[1],
  };
  const archive = findMainArchive();
  if (!archive) throw new InstallError('no Debian/Ubuntu main archive found in /etc/apt sources');
  if (!commandExists('apt-get')) throw new InstallError('apt-get not available');

  const aptDir = path.join(workDir, 'apt');
  for (const sub of ['lists/partial', 'cache/archives/partial', 'etc/sources.list.d', 'etc/preferences.d']) {
    fs.mkdirSync(path.join(aptDir, sub), { recursive: true });
  }
  const signedBy = archive.signedBy ? ` [signed-by=${archive.signedBy}]` : '';
  fs.writeFileSync(path.join(aptDir, 'etc', 'sources.list'), `deb-src${signedBy} ${archive.uri} ${archive.suite} main\n`);
  const aptOptions = [
    '-o', `Dir::Etc::SourceList=${path.join(aptDir, 'etc', 'sources.list')}`,
    '-o', `Dir::Etc::SourceParts=${path.join(aptDir, 'etc', 'sources.list.d')}`,
    '-o', `Dir::Etc::PreferencesParts=${path.join(aptDir, 'etc', 'preferences.d')}`,
    '-o', `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
    '-o', `Dir::Cache=${path.join(aptDir, 'cache')}`,
    '-o', 'Debug::NoLocking=1',
    '-o', 'APT::Sandbox::User=root',
    '-qq',
  ];
  log(`fetching the libsrtp2 source package (deb-src ${archive.uri} ${archive.suite} main, private apt config)`);
  runChecked('apt-get', [...aptOptions, 'update']);
  const download = path.join(workDir, 'libsrtp2-source');
  fs.mkdirSync(download, { recursive: true });
  runChecked('apt-get', [...aptOptions, 'source', '--download-only', 'libsrtp2'], { cwd: download });

  const orig = fs.readdirSync(download).find((f) => /^libsrtp2_.*\.orig\.tar\.(gz|xz|bz2)$/.test(f));
  if (!orig) throw new InstallError('apt-get source libsrtp2 gave no .orig tarball');
  const origPath = path.join(download, orig);
  const hash = sha256(fs.readFileSync(origPath));
  if (wanted.hash && hash !== wanted.hash) {
    throw new InstallError(
      `${orig} (sha256 ${hash}) is not the libsrtp release mediasoup ${mediasoup.version} pins ` +
        `(${wanted.directory}, sha256 ${wanted.hash})`,
    );
  }
  log(`libsrtp source: ${orig}, sha256 matches mediasoup's libsrtp2.wrap (${wanted.directory})`);
  return { tarball: origPath, directory: wanted.directory };
}

// Each stand-in subproject declares the variables the worker's meson.build (and
// deps/libwebrtc/meson.build) reads, from the system library. The `*_lib` variables
// only feed `libmediasoup-worker`, a library target the executable never builds; an
// empty static library satisfies them.
const STANDIN_STUB = `stub = static_library('standin', 'standin.c')\n`;

const STANDINS = {
  openssl: {
    build: `openssl_dep = dependency('openssl')
libcrypto_dep = dependency('libcrypto')
libssl_dep = dependency('libssl')
${STANDIN_STUB}libcrypto_lib = stub
libssl_lib = stub
`,
  },
  nlohmann_json: { build: `nlohmann_json_dep = dependency('nlohmann_json')\n` },
  libuv: {
    build: `libuv_dep = dependency('libuv')\n${STANDIN_STUB}libuv = stub\n`,
    options: `option('build_tests', type: 'boolean', value: false)
option('build_benchmarks', type: 'boolean', value: false)
`,
  },
  usrsctp: {
    build: `usrsctp_dep = dependency('usrsctp')\n${STANDIN_STUB}usrsctp = stub\n`,
    options: `option('sctp_build_programs', type: 'boolean', value: false)\n`,
  },
  'abseil-cpp': {
    build: `absl_container_dep = [
${['absl_flat_hash_map', 'absl_flat_hash_set', 'absl_btree', 'absl_inlined_vector', 'absl_memory']
  .map((m) => `  dependency('${m}'),`).join('\n')}
]
absl_types_dep = [dependency('absl_optional'), dependency('absl_variant'), dependency('absl_span')]
absl_strings_dep = dependency('absl_strings')
${STANDIN_STUB}absl_container_lib = stub
`,
  },
  // only the worker's unit tests use Catch2; they are not built
  catch2: { build: `catch2_dep = declare_dependency()\n` },
  // used only when CONSORTIUM_HUB_MEDIA_WORKER_SYSTEM_SRTP=1 or fetching the source failed
  'libsrtp2-system': {
    dir: 'libsrtp2',
    build: `libsrtp2_dep = declare_dependency(
  dependencies: dependency('libsrtp2'),
  include_directories: include_directories('include'),
)
${STANDIN_STUB}libsrtp2 = stub
`,
    options: `option('crypto-library', type: 'string', value: 'none')
option('crypto-library-kdf', type: 'feature', value: 'auto')
option('tests', type: 'feature', value: 'auto')
`,
    // the worker includes <srtp.h>; Debian installs <srtp2/srtp.h>
    files: { 'include/srtp.h': '#include <srtp2/srtp.h>\n' },
  },
};

function writeStandin(subprojectsDir, name, spec) {
  const dir = path.join(subprojectsDir, spec.dir ?? name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'meson.build'),
    `# stand-in written by media/worker/install.mjs: the system library instead of a wrap\n` +
      `project('${spec.dir ?? name}', 'c')\n${spec.build}`,
  );
  if (spec.build.includes('standin.c')) fs.writeFileSync(path.join(dir, 'standin.c'), 'int consortium_hub_standin;\n');
  if (spec.options) fs.writeFileSync(path.join(dir, 'meson_options.txt'), spec.options);
  for (const [rel, text] of Object.entries(spec.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

function prepareSources(mediasoup, workDir, srtpSource) {
  const src = path.join(workDir, 'worker');
  log(`copying worker sources to ${src}`);
  fs.cpSync(path.join(mediasoup.dir, 'worker'), src, {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}out${path.sep}`) && !p.endsWith(`${path.sep}out`),
  });
  // Debian 12 ships meson 1.0.1; 3.12.16's build file uses nothing newer.
  const mesonBuild = path.join(src, 'meson.build');
  fs.writeFileSync(
    mesonBuild,
    fs.readFileSync(mesonBuild, 'utf8').replace(/meson_version:\s*'>= 1\.1\.0'/, "meson_version: '>= 1.0.0'"),
  );
  const subprojects = path.join(src, 'subprojects');
  for (const f of fs.readdirSync(subprojects)) {
    if (f.endsWith('.wrap')) fs.rmSync(path.join(subprojects, f));
  }
  for (const [name, spec] of Object.entries(STANDINS)) {
    if (name === 'libsrtp2-system' && srtpSource) continue;
    writeStandin(subprojects, name, spec);
  }
  if (srtpSource) {
    // libsrtp 2.5.0 has its own meson.build: build it exactly as upstream mediasoup's
    // wrap does (crypto-library=openssl, static), just from Debian's copy of the tarball.
    runChecked('tar', ['-xf', srtpSource.tarball, '-C', subprojects]);
    fs.renameSync(path.join(subprojects, srtpSource.directory), path.join(subprojects, 'libsrtp2'));
  }
  return src;
}

/** Runs a build step, logging everything to `logFile` and printing ninja's progress. */
function runBuildStep(cmd, cmdArgs, logFile, { progress = false } = {}) {
  return new Promise((resolve, reject) => {
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    logStream.write(`\n$ ${cmd} ${cmdArgs.join(' ')}\n`);
    // NOTE: niced so a postinstall build does not starve whatever else runs on the machine.
    const useNice = commandExists('nice');
    const child = spawn(useNice ? 'nice' : cmd, useNice ? ['-n', '10', cmd, ...cmdArgs] : cmdArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NINJA_STATUS: '[%f/%t] ' },
    });
    const started = Date.now();
    let lastPrinted = -1;
    let lastPrintAt = 0;
    let buffered = '';
    const onData = (chunk) => {
      logStream.write(chunk);
      if (!progress) return;
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const m = line.match(/^\[(\d+)\/(\d+)\]\s+(.*)$/);
        if (!m) continue;
        const [done, total] = [Number(m[1]), Number(m[2])];
        const pct = Math.floor((done / total) * 100);
        if (pct >= lastPrinted + 5 || Date.now() - lastPrintAt > 20_000 || done === total) {
          lastPrinted = pct;
          lastPrintAt = Date.now();
          log(`  ninja ${String(pct).padStart(3)}% [${done}/${total}] ${elapsed(started)}  ${m[3].slice(0, 70)}`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => reject(new InstallError(`${cmd}: ${error.message}`)));
    child.on('close', (code) => {
      logStream.end(() => {
        if (code === 0) resolve();
        else reject(new InstallError(`\`${cmd} ${cmdArgs.join(' ')}\` failed with exit ${code}`));
      });
    });
  });
}

function tailOf(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function buildWorker(mediasoup, targetDir) {
  const started = Date.now();
  const wantSystemSrtp = process.env.CONSORTIUM_HUB_MEDIA_WORKER_SYSTEM_SRTP === '1';
  log(`building mediasoup-worker ${mediasoup.version} from source (about 6 minutes on 2 cores)`);

  log('phase 1/5: build tools and libraries');
  ensureBuildTools({ systemSrtp: wantSystemSrtp });

  const workDir = path.join(path.dirname(targetDir), `.build-${path.basename(targetDir)}-${process.pid}`);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const logFile = path.join(workDir, 'build.log');
  let ok = false;
  try {
    log('phase 2/5: libsrtp 2.5.0 source (to build with OpenSSL, as upstream does)');
    let srtpSource = null;
    if (!wantSystemSrtp) {
      try {
        srtpSource = fetchLibsrtpSource(mediasoup, workDir);
      } catch (error) {
        warn(
          `could not get the libsrtp source (${error.message}).\n` +
            "  Falling back to Debian's libsrtp2 (crypto through NSS): it works, but one worker then\n" +
            '  forwards about 2.5x fewer SRTP streams. Fix the deb-src access and rerun with --rebuild.',
        );
        ensureBuildTools({ systemSrtp: true });
      }
    }

    log('phase 3/5: worker sources with stand-in subprojects for the system libraries');
    const src = prepareSources(mediasoup, workDir, srtpSource);

    log('phase 4/5: meson setup');
    const buildDir = path.join(workDir, 'build');
    await runBuildStep(
      'meson',
      [
        'setup', '--buildtype', 'release', '-Db_ndebug=true', '-Db_pie=true', '-Db_staticpic=true',
        '--wrap-mode=nodownload', buildDir, src,
      ],
      logFile,
    );

    const jobs = Number(process.env.MEDIASOUP_MAX_CORES) || os.availableParallelism?.() || os.cpus().length;
    log(`phase 5/5: compiling with ninja -j${jobs} (progress below; full log in ${logFile})`);
    await runBuildStep('ninja', ['-C', buildDir, `-j${jobs}`, 'mediasoup-worker'], logFile, { progress: true });

    const built = path.join(buildDir, 'mediasoup-worker');
    if (!workerRuns(built)) {
      throw new InstallError(`the freshly built worker does not run: ${workerFailureReason(built)}`);
    }
    fs.mkdirSync(targetDir, { recursive: true });
    installAtomically(built, path.join(targetDir, 'mediasoup-worker'));
    writeBuildInfo(targetDir, {
      source: 'built',
      mediasoup: mediasoup.version,
      libsrtp: srtpSource ? `${srtpSource.directory} (OpenSSL crypto, static)` : 'system libsrtp2 (NSS crypto)',
      buildSeconds: Math.round((Date.now() - started) / 1000),
      sha256: sha256(fs.readFileSync(built)),
    });
    log(`built in ${elapsed(started)}`);
    ok = true;
  } catch (error) {
    const tail = tailOf(logFile, 40);
    if (tail) console.error(`[media-worker] last lines of ${logFile}:\n${tail}`);
    throw error;
  } finally {
    if (ok) fs.rmSync(workDir, { recursive: true, force: true });
    else console.error(`[media-worker] build directory kept for inspection: ${workDir}`);
  }
}

// ---------------------------------------------------------------------------

async function main() {
  if (process.env.CONSORTIUM_HUB_SKIP_MEDIA_WORKER === '1') {
    log('CONSORTIUM_HUB_SKIP_MEDIA_WORKER=1: skipping the mediasoup worker');
    return;
  }
  const envBin = process.env.MEDIASOUP_WORKER_BIN;
  if (envBin) {
    if (isFile(envBin)) {
      log(`MEDIASOUP_WORKER_BIN=${envBin}: using it`);
      return;
    }
    warn(`MEDIASOUP_WORKER_BIN=${envBin} does not exist; preparing the cached worker instead`);
  }

  const mediasoup = locateMediasoup();
  const key = `${mediasoup.version}-${os.platform()}-${os.arch()}`;
  const targetDir = path.join(cacheRoot(), key);
  const bin = path.join(targetDir, 'mediasoup-worker');
  const rebuild = args.has('--rebuild');

  if (!rebuild && workerRuns(bin)) {
    log(`mediasoup-worker ${mediasoup.version} ready: ${bin}`);
    return;
  }

  fs.mkdirSync(cacheRoot(), { recursive: true });
  await withLock(path.join(cacheRoot(), `${key}.lock`), async () => {
    // another install may have finished while this one waited for the lock
    if (!rebuild && workerRuns(bin)) {
      log(`mediasoup-worker ${mediasoup.version} ready: ${bin}`);
      return;
    }
    if (!rebuild && isFile(bin)) warn(`cached ${bin} does not run (${workerFailureReason(bin)}); replacing it`);
    if (!(await downloadPrebuilt(mediasoup, targetDir))) {
      await buildWorker(mediasoup, targetDir);
    }
    log(`mediasoup-worker ${mediasoup.version} ready: ${bin}`);
  });
}

main().catch((error) => {
  console.error(`[media-worker] ERROR: ${error instanceof InstallError ? error.message : error.stack}`);
  console.error(
    '[media-worker] The video consultation SFU cannot start without this binary. Fix the problem above and ' +
      'rerun `node media/worker/install.mjs`, point MEDIASOUP_WORKER_BIN at a mediasoup-worker ' +
      'binary, or set CONSORTIUM_HUB_SKIP_MEDIA_WORKER=1 to install without the SFU.',
  );
  process.exit(1);
});
