// electron-builder's own configuration loading, schema validation and file matching, used offline:
// nothing here downloads Electron or packages anything. The matchers are the ones electron-builder
// uses when it copies the app, its node_modules, the asar-unpacked files and the extra resources.
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import type { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { excludedExts, excludedNames, getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { REPO_ROOT } from '../../support/paths';

export { REPO_ROOT };
const APP_OUT = '/packaged/resources/app';
const RESOURCES = '/packaged/resources';

export async function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(REPO_ROOT, null, null);
}

export async function validate(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

// Internal (not in the published typings) but exported: the matchers of the app's own files and
// of node_modules files, exactly as PlatformPackager builds them.
interface InternalMatchers {
  getMainFileMatchers(appDir: string, destination: string, macro: (s: string) => string, platformOptions: object, packager: object, outDir: string, electronCompile: boolean): FileMatcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, macro: (s: string) => string, platformOptions: object, info: object): FileMatcher;
}
const internal = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as InternalMatchers;

const macro = (pattern: string): string => pattern.replace(/\$\{(\w+)\}/g, (all, name: string) => ({ arch: 'x64', os: 'linux', platform: 'linux' })[name] ?? all);

function fakePackager(config: Configuration) {
  return { info: { projectDir: REPO_ROOT, buildResourcesDir: config.directories?.buildResources ?? 'build', config, isPrepackedAppAsar: false, debugLogger: new DebugLogger(false) } };
}

function outDir(config: Configuration): string {
  return path.join(REPO_ROOT, config.directories?.output ?? 'dist');
}

/** Whether a file and every folder above it pass a matcher's filter (copying walks folders first). */
function passes(matcher: FileMatcher, file: string, stat?: Stats): boolean {
  const filter = matcher.createFilter();
  const relative = path.relative(matcher.from, file);
  if (relative.startsWith('..')) return false;
  const parts = relative.split(path.sep);
  for (let i = 1; i < parts.length; i++) {
    const dir = path.join(matcher.from, ...parts.slice(0, i));
    if (!filter(dir, statSync(dir))) return false;
  }
  return filter(file, stat ?? statSync(file));
}

/** Whether a project file (not in node_modules) ends up in the app (the asar). */
export function appIncludes(config: Configuration, file: string): boolean {
  const matchers = internal.getMainFileMatchers(REPO_ROOT, APP_OUT, macro, {}, fakePackager(config), outDir(config), false);
  return matchers.some((m) => passes(m, path.resolve(REPO_ROOT, file)));
}

// NodeModuleCopyHelper's fixed exclusions (app-builder-lib/out/util/NodeModuleCopyHelper.js).
const MODULE_EXCLUDED_FILES = new Set(['.DS_Store', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', '.npmignore', 'node_gyp_bins', ...excludedNames.split(',')]);
const MODULE_TOP_LEVEL_EXCLUDED = new Set(['karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme', 'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin']);

/** Whether a file inside node_modules/<pkg> is copied into the app (given the package is a production dependency). */
export function moduleFileIncluded(config: Configuration, pkg: string, fileInPackage: string): boolean {
  const parts = fileInPackage.split('/');
  if (MODULE_TOP_LEVEL_EXCLUDED.has(parts[0]!)) return false;
  if (parts.some((p) => MODULE_EXCLUDED_FILES.has(p) || p.startsWith('._'))) return false;
  const name = parts[parts.length - 1]!;
  if (excludedExts.split(',').some((ext) => name.endsWith(`.${ext}`))) return false;
  const matcher = internal.getNodeModuleFileMatcher(REPO_ROOT, APP_OUT, macro, {}, fakePackager(config).info);
  if (matcher.isEmpty()) return true;
  const abs = path.join(REPO_ROOT, 'node_modules', pkg, fileInPackage);
  const stat = Object.assign(statSync(abs), { moduleFullFilePath: path.join(APP_OUT, 'node_modules', pkg, fileInPackage) });
  return matcher.createFilter()(abs, stat);
}

/** Whether a node_modules file is unpacked beside the asar (asarUnpack patterns). */
export function asarUnpacks(config: Configuration, fileInApp: string): boolean {
  const matchers = getFileMatchers(config, 'asarUnpack', APP_OUT, { macroExpander: macro, customBuildOptions: {}, globalOutDir: outDir(config), defaultSrc: REPO_ROOT });
  const abs = path.join(REPO_ROOT, fileInApp);
  return (matchers ?? []).some((m) => m.createFilter()(abs, Object.assign(statSync(abs), { moduleFullFilePath: path.join(APP_OUT, fileInApp) })));
}

/** Where a project file lands under the resources folder through extraResources, or null. */
export function extraResourceDestination(config: Configuration, file: string): string | null {
  const abs = path.resolve(REPO_ROOT, file);
  const matchers = getFileMatchers(config, 'extraResources', RESOURCES, { macroExpander: macro, customBuildOptions: {}, globalOutDir: outDir(config), defaultSrc: REPO_ROOT }) ?? [];
  for (const m of matchers) {
    if (m.from === abs && statSync(abs).isFile()) return path.relative(RESOURCES, m.to);
    if (!abs.startsWith(m.from + path.sep)) continue;
    if (m.isEmpty() || m.containsOnlyIgnore()) m.prependPattern('**/*');
    if (passes(m, abs)) return path.relative(RESOURCES, path.join(m.to, path.relative(m.from, abs)));
  }
  return null;
}

/** Production packages (what electron-builder copies) from the lockfile: every non-dev entry. */
export function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const names = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev) continue;
    names.add(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return names;
}

export function exists(file: string): boolean {
  return existsSync(path.resolve(REPO_ROOT, file));
}
