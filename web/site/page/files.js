// Open file… or drop a .md on the page: it is rendered right here from its bytes, nothing is
// uploaded, and it is listed under "Opened files" with a #/<id> route.
import { MARKDOWN_FILE, metaOf, ownIdOf, titleAndLabel } from '../shared/doc-names.js';
import { encodePath } from '../shared/hrefs.js';
import { messageOf, say } from './dom.js';
import { el, html, state } from './state.js';
import { localHref, resolveRoute } from './router.js';
import { renderer } from './renderer.js';

// id, title and label as the builder gives them (shared/doc-names.js); 'local-' in front of the
// id when the site has that id.
function localEntry(file, article) {
  const meta = metaOf(article);
  let id = ownIdOf(meta, file);
  const known = resolveRoute(encodePath(id));
  if (known.target && !known.heading && !known.target.local) id = `local-${id}`;
  return { id, file, ...titleAndLabel(article, meta, id), article };
}

async function openFiles(files, onOpened) {
  let fm;
  try {
    fm = await renderer();
  } catch (err) {
    return say(`The renderer did not start: ${messageOf(err)}`);
  }
  let last = null;
  for (const file of files) {
    if (!MARKDOWN_FILE.test(file.name)) {
      say(`${file.name} is not a Markdown file (.md).`);
      continue;
    }
    try {
      const entry = localEntry(file.name, fm.render(new Uint8Array(await file.arrayBuffer())));
      state.local = state.local.filter((e) => e.id !== entry.id).concat(entry);
      last = entry;
    } catch (err) {
      say(`${file.name} could not be rendered: ${messageOf(err)}`);
    }
  }
  if (!last) return undefined;
  const to = localHref(last);
  if (location.hash === to) onOpened();
  else location.hash = to;
  return undefined;
}

export function wireFiles(onOpened) {
  const open = document.getElementById('openFile');
  if (!open || !el.fileInput) return;
  open.addEventListener('click', () => el.fileInput.click());
  el.fileInput.addEventListener('change', () =>
    openFiles([...el.fileInput.files], onOpened).then(() => {
      el.fileInput.value = '';
    }),
  );
  const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    html.classList.add('site-dropping');
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) html.classList.remove('site-dropping');
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    html.classList.remove('site-dropping');
    openFiles([...event.dataTransfer.files], onOpened);
  });
}
