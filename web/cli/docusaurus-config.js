// A Docusaurus site folder as foldmark settings: docusaurus.config.{ts,mts,cts,js,mjs,cjs} loaded
// as Docusaurus 3 loads it (jiti, in a worker with a time limit; an exported function is called),
// then read for what foldmark builds: the docs plugin's folder, route, sidebars and edit URL, the
// static folders, the site's title, tagline, URL and favicon, the navbar and the footer. What the
// config names that foldmark does not build (a blog, pages, versions, locales, plugins, themes)
// is listed in one notice.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../input-error.js';
import { publicUrl } from '../site/builder/pages.js';
import { loadDocusaurusModule } from '../site/builder/user-code.js';

// Docusaurus 3 looks for these, in this order, in the site folder.
export const DOCUSAURUS_CONFIG_NAMES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((e) => `docusaurus.config.${e}`);

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The Docusaurus config of site folder dir, or null when it has none. */
export function findDocusaurusConfig(dir) {
  for (const name of DOCUSAURUS_CONFIG_NAMES) if (isFile(join(dir, name))) return join(dir, name);
  return null;
}

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

// A plugin or preset entry: 'name' | ['name', options] (what jiti hands back for require.resolve of
// a package that is not installed is the stand-in's path: named by what it resolved).
const STAND_IN = /stand-in-module\.cjs$/;
function entry(raw) {
  const [name, options] = Array.isArray(raw) ? raw : [raw, undefined];
  const shown = typeof name !== 'string' ? '(a function)' : STAND_IN.test(name) ? 'one not installed here' : name;
  return { name: shown, options: isObject(options) ? options : {} };
}
const isClassic = (name) => /(^|[/\\])(classic|preset-classic)$|@docusaurus[/\\]preset-classic/.test(name);
const isDocsPlugin = (name) => /(^|[/\\])(content-docs|plugin-content-docs)$|plugin-content-docs/.test(name);
const isClassicTheme = (name) => /(^|[/\\])(classic|theme-classic)$|@docusaurus[/\\]theme-classic/.test(name);

// The docs plugin's options: the classic preset's `docs`, else a plugin-content-docs entry (the
// first; more instances are noted), with the plugins and presets foldmark does not run.
function docsOptions(config, notes) {
  const presets = (Array.isArray(config.presets) ? config.presets : []).map(entry);
  const plugins = (Array.isArray(config.plugins) ? config.plugins : []).map(entry);
  const themes = (Array.isArray(config.themes) ? config.themes : []).map(entry);
  const classic = presets.find((p) => isClassic(p.name));
  const otherPresets = presets.filter((p) => p !== classic).map((p) => p.name);
  if (otherPresets.length) notes.push(`presets (${otherPresets.join(', ')})`);
  const docsPlugins = plugins.filter((p) => isDocsPlugin(p.name));
  const otherPlugins = plugins.filter((p) => !isDocsPlugin(p.name)).map((p) => p.name);
  let docs = classic && classic.options.docs !== false ? (classic.options.docs ?? {}) : undefined;
  if (docs === undefined && docsPlugins.length) docs = docsPlugins.shift().options;
  if (docsPlugins.length)
    notes.push(`more docs plugin instances (${docsPlugins.map((p) => p.options.id ?? '?').join(', ')})`);
  if (otherPlugins.length) notes.push(`plugins (${otherPlugins.join(', ')})`);
  const otherThemes = themes.filter((t) => !isClassicTheme(t.name)).map((t) => t.name);
  if (otherThemes.length) notes.push(`themes (${otherThemes.join(', ')})`);
  if (classic) {
    for (const part of ['blog', 'pages']) {
      if (classic.options[part] !== undefined && classic.options[part] !== false) notes.push(part);
    }
  }
  return isObject(docs) ? docs : {};
}

// versions and locales: foldmark builds the current docs of the default locale.
function noteVersionsAndLocales(config, docs, siteDir, notes, math) {
  const versioned =
    ['lastVersion', 'versions', 'onlyIncludeVersions'].some((k) => docs[k] !== undefined) ||
    existsSync(join(siteDir, 'versions.json'));
  if (versioned) notes.push('versions (the current docs are built)');
  const locales = isObject(config.i18n) && Array.isArray(config.i18n.locales) ? config.i18n.locales : [];
  if (locales.length > 1)
    notes.push(`i18n (locales ${locales.join(', ')}: ${config.i18n.defaultLocale ?? locales[0]} is built)`);
  for (const key of ['remarkPlugins', 'rehypePlugins', 'beforeDefaultRemarkPlugins', 'beforeDefaultRehypePlugins']) {
    if (!Array.isArray(docs[key]) || !docs[key].length) continue;
    notes.push(`docs ${key}${math && /remark/i.test(key) ? ' (remark-math is read as --math)' : ''}`);
  }
  for (const key of ['include', 'exclude']) {
    if (Array.isArray(docs[key])) notes.push(`docs ${key} (every .md and .mdx of the docs folder is built)`);
  }
}

// Whether the docs use remark-math (Docusaurus's documented math set-up: remark-math in the docs'
// remarkPlugins, rehype-katex beside it). A plugin is a function, which the loaded value leaves
// out (and one not installed here is a stand-in), so the config's text says which it is: it
// imports remark-math, and the docs have remark plugins.
const REMARK_MATH = /(?:\bfrom\s*|\b(?:require|import)\s*\(\s*)(['"])remark-math\1/;
function usesRemarkMath(docs, source) {
  const count = (list) => (Array.isArray(list) ? list.length : 0);
  return count(docs.remarkPlugins) + count(docs.beforeDefaultRemarkPlugins) > 0 && REMARK_MATH.test(source);
}

// The site's public URL as foldmark's --base-url takes it: url + baseUrl.
function publicAddress(config) {
  const url = text(config.url);
  if (!url) return undefined;
  const base = text(config.baseUrl) ?? '/';
  return `${url.replace(/\/+$/, '')}/${base.replace(/^\/+/, '')}`;
}

/**
 * Reads the Docusaurus config FILE of site folder siteDir. Returns { file, settings (foldmark
 * config keys, paths absolute: docs, sidebars, static, title, baseUrl, editUrl, math), site (build
 * options beyond them: tagline, favicon, routeBasePath, siteDir, trailingSlash, navbar, footer,
 * siteConfigFile), notices
 * (lines to print once) }. Throws InputError when the file cannot be run or is not a config.
 */
export async function readDocusaurusConfig(path, { timeout } = {}) {
  const file = resolve(path);
  const siteDir = dirname(file);
  const { value: config, standIns } = await loadDocusaurusModule(file, {
    what: 'Docusaurus config',
    callExport: true,
    timeout,
  });
  if (!isObject(config))
    throw new InputError('the Docusaurus config must export an object (or a function returning one)', { file });
  const notes = [];
  const docs = docsOptions(config, notes);
  const siteSource = await readFile(file, 'utf8').catch(() => '');
  const math = usesRemarkMath(docs, siteSource);
  noteVersionsAndLocales(config, docs, siteDir, notes, math);
  const settings = { docs: resolve(siteDir, text(docs.path) ?? 'docs') };
  if (math) settings.math = true;
  if (docs.sidebarPath === false) settings.sidebars = undefined;
  else if (text(docs.sidebarPath)) settings.sidebars = resolve(siteDir, docs.sidebarPath);
  else {
    // Docusaurus's default sidebars file; without one, the docs folder is autogenerated.
    const fallback = ['sidebars.js', 'sidebars.json'].map((n) => join(siteDir, n)).find(isFile);
    if (fallback) settings.sidebars = fallback;
  }
  const staticDirs = Array.isArray(config.staticDirectories) ? config.staticDirectories : ['static'];
  settings.static = staticDirs
    .filter((d) => typeof d === 'string')
    .map((d) => resolve(siteDir, d))
    .filter((d) => existsSync(d));
  if (text(config.title)) settings.title = config.title;
  // url + baseUrl and editUrl as --base-url and --edit-url take them; one they refuse (not http(s),
  // a ?query) is noted and left out rather than reported as a flag the user never typed.
  const usable = (value, name) => {
    try {
      return publicUrl(value);
    } catch (err) {
      notes.push(`${name} ${JSON.stringify(value)} (${err.message})`);
      return undefined;
    }
  };
  const address = publicAddress(config);
  if (address) settings.baseUrl = usable(address, 'url + baseUrl');
  if (text(docs.editUrl)) settings.editUrl = usable(docs.editUrl, 'docs editUrl');
  else if (docs.editUrl !== undefined) notes.push('docs editUrl given as a function');
  for (const key of ['baseUrl', 'editUrl']) if (settings[key] === undefined) delete settings[key];
  const theme = isObject(config.themeConfig) ? config.themeConfig : {};
  const site = {
    siteConfigFile: file,
    routeBasePath: typeof docs.routeBasePath === 'string' ? docs.routeBasePath.replace(/^\/+|\/+$/g, '') : 'docs',
    siteDir, // where @site/ and site-root links resolve (the folder of the config, not the docs' parent)
    ...(typeof config.trailingSlash === 'boolean' ? { trailingSlash: config.trailingSlash } : {}),
    ...(text(config.tagline) ? { tagline: config.tagline } : {}),
    ...(text(config.favicon) ? { favicon: config.favicon } : {}),
    ...(isObject(theme.navbar) ? { navbar: theme.navbar } : {}),
    ...(isObject(theme.footer) ? { footer: theme.footer } : {}),
    siteSource,
  };
  const notices = [];
  if (notes.length) notices.push(`${file}: note: not carried over: ${notes.join('; ')}`);
  if (standIns.length)
    notices.push(
      `${file}: note: ${standIns.join(', ')} ${standIns.length === 1 ? 'is' : 'are'} not installed here: read without ${standIns.length === 1 ? 'it' : 'them'} (foldmark does not use ${standIns.length === 1 ? 'its' : 'their'} values)`,
    );
  return { file, settings, site, notices };
}
