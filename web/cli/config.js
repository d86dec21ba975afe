// foldmark.config.json (or foldmark.config.mjs exporting default): found in the current folder,
// else in the docs folder; checked against the option table; paths in it are relative to the file.
// Its mistakes are errors naming the file, the line and column (JSON) and the key: exit 1.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { below, Containment } from '../site/builder/containment.js';
import { loadUserModule } from '../site/builder/user-code.js';
import { InputError, readInputText } from '../input-error.js';
import { location } from '../site/builder/problems.js';
import { lineColumn } from '../site/shared/text.js';
import { checkValue, CONFIG_KEYS, buildOptions as tableOptions, OPTIONS, UsageError } from './options.js';
import { findDocusaurusConfig, readDocusaurusConfig } from './docusaurus-config.js';

export const CONFIG_NAMES = ['foldmark.config.json', 'foldmark.config.mjs'];

const isFile = (path) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** The config file in the first of dirs that has one, or null. Two in one folder are an error. */
export async function findConfig(dirs) {
  for (const dir of dirs) {
    const found = [];
    for (const name of CONFIG_NAMES) if (await isFile(join(dir, name))) found.push(join(dir, name));
    if (found.length > 1)
      throw new InputError(`two config files in one folder: keep ${CONFIG_NAMES.join(' or ')}`, { file: found[1] });
    if (found.length) return found[0];
  }
  return null;
}

async function readJson(file) {
  const text = await readInputText(file, 'config file');
  try {
    return { value: JSON.parse(text), text };
  } catch (err) {
    const at = /position (\d+)/.exec(err.message);
    throw new InputError(`not valid JSON: ${err.message.replace(/ in JSON at position \d+.*$/s, '')}`, {
      file,
      ...(at ? lineColumn(text, Number(at[1])) : {}),
    });
  }
}

// Runs in a worker with a time limit (user-code.js), afresh each time: a long-running `foldmark dev`
// sees a changed file.
async function importModule(file) {
  return { value: await loadUserModule(file, { what: 'config file' }), text: '' };
}

/**
 * Reads and checks a config file. Returns { file, dir, values } where values holds config keys
 * (see OPTIONS) with paths made absolute. Throws InputError (file, line, column, key) on mistakes.
 */
export async function loadConfig(path) {
  const file = resolve(path);
  const { value, text } = file.endsWith('.mjs') ? await importModule(file) : await readJson(file);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      file.endsWith('.mjs') ? 'must export default an object of settings' : 'must hold a JSON object of settings',
      { file },
    );
  }
  const dir = dirname(file);
  const where = (key) => {
    const at = text.indexOf(JSON.stringify(key));
    return { file, ...(at >= 0 ? lineColumn(text, at) : {}) };
  };
  const values = {};
  for (const [key, raw] of Object.entries(value)) {
    const opt = CONFIG_KEYS.find((o) => o.key === key);
    if (!opt) {
      const flagOnly = OPTIONS.find((o) => o.flag === key && !o.key);
      throw new InputError(
        flagOnly
          ? `"${key}" can only be given on the command line (--${key})`
          : `unknown key "${key}"; the keys are ${CONFIG_KEYS.map((o) => o.key).join(', ')}`,
        where(key),
      );
    }
    let checked;
    try {
      checked = checkValue(opt, raw);
      if (opt.kind === 'port' && typeof raw !== 'number') throw new Error('must be a port number from 0 to 65535');
    } catch (err) {
      throw new InputError(`"${key}" ${err.message}`, where(key));
    }
    if (opt.kind === 'path') checked = resolve(dir, checked);
    if (opt.kind === 'paths') checked = checked.map((p) => resolve(dir, p));
    values[key] = checked;
  }
  return { file, dir, values, raw: value, where };
}

const isDirectory = (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

const realOr = (path) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

// A config file inside the docs folder is edited by whoever edits the docs: it may not widen what
// a build reads (allow), and its --static folders must lie where the docs' own files may resolve.
function checkConfigFolders(config, settings, flags) {
  const inDocs = below(realOr(config.dir), realOr(settings.docs)) !== null;
  if (inDocs && config.values.allow) {
    throw new InputError(
      '"allow" cannot be set by a config file inside the docs folder (it would let the docs widen what is published); set it in a config file outside the docs folder',
      config.where('allow'),
    );
  }
  if (!inDocs || flags.static || !config.values.static) return;
  const containment = new Containment({ docsRoot: settings.docs, allowDirs: settings.allow ?? [] });
  config.values.static.forEach((dir, i) => {
    const check = containment.check(dir);
    if (check.refused)
      throw new InputError(
        `"static" folder ${config.raw.static[i]} ${check.refused}; name it with --static, or in "allow" of a config file outside the docs folder`,
        config.where('static'),
      );
  });
}

/**
 * The settings of a build or dev run: flags over the config file over a Docusaurus config over
 * defaults. positionals: [DOCS_DIR or WEBSITE_DIR] at most (a folder holding docusaurus.config.*
 * is a Docusaurus site: its docs folder, sidebars, static folders, title, URL, navbar and footer
 * are read from the config; the site is built into its build/ unless told otherwise). Returns
 * { docs, out, …, configFile, siteConfigFile, site (build options of the Docusaurus config),
 * notices (lines to print once) } with every path absolute.
 */
export async function resolveSettings(command, positionals, flags, cwd = process.cwd()) {
  if (positionals.length > 1)
    throw new UsageError(`${command} takes one DOCS_DIR (got ${positionals.length} arguments)`, command);
  const docsArg = positionals[0] === undefined ? undefined : resolve(cwd, positionals[0]);
  const siteConfigFile = findDocusaurusConfig(docsArg ?? cwd);
  const configFile = flags.config ? resolve(cwd, flags.config) : await findConfig([cwd, ...(docsArg ? [docsArg] : [])]);
  const config = configFile ? await loadConfig(configFile) : { values: {} };
  const docusaurus = siteConfigFile ? await readDocusaurusConfig(siteConfigFile) : null;
  const settings = {
    ...docusaurus?.settings,
    ...config.values,
    configFile,
    siteConfigFile: docusaurus?.file,
    site: docusaurus?.site ?? {},
    notices: docusaurus?.notices ?? [],
  };
  if (docusaurus) settings.out = config.values.out ?? resolve(dirname(siteConfigFile), 'build');
  for (const [key, value] of Object.entries(flags)) {
    if (key === 'config') continue;
    const opt = OPTIONS.find((o) => (o.key || o.flag) === key);
    settings[key] =
      opt.kind === 'path' ? resolve(cwd, value) : opt.kind === 'paths' ? value.map((p) => resolve(cwd, p)) : value;
  }
  if (docsArg && !docusaurus) settings.docs = docsArg;
  if (docusaurus && settings.docs === docusaurus.settings.docs && !existsSync(settings.docs)) {
    const at = docusaurus.site.siteSource.search(/\bpath\s*:/);
    const where = { file: docusaurus.file, ...(at >= 0 ? lineColumn(docusaurus.site.siteSource, at) : {}) };
    // A site folder copied apart from its repository (website/ and ../docs flattened into one
    // folder) keeps a "path" that leads nowhere; the docs beside the config are the ones meant.
    const beside = resolve(dirname(siteConfigFile), 'docs');
    if (isDirectory(beside)) {
      settings.docs = beside;
      settings.notices.push(
        `${location(where)}: warning: the docs plugin's "path" leads to ${docusaurus.settings.docs}, which does not exist; building ${beside}, the docs folder beside the config`,
      );
    } else
      throw new InputError(
        `the docs folder ${settings.docs} (the docs plugin's "path") does not exist; build a docs folder alone with \`foldmark build DOCS_DIR\`, or name it as "docs" in ${CONFIG_NAMES[0]}`,
        where,
      );
  }
  if (!settings.docs) {
    throw new UsageError(`${command} needs DOCS_DIR, or a ${CONFIG_NAMES[0]} here that names "docs"`, command);
  }
  if (configFile) checkConfigFolders(config, settings, flags);
  return settings;
}

/** The options of buildSite (web/site/builder/index.js) for these settings: the option table's and the Docusaurus config's. */
export function buildOptions(settings) {
  return { ...(settings.site ?? {}), ...tableOptions(settings) };
}
