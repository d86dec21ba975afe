// <div class="fm-tabs"> (from MDX <Tabs>): a role=tablist of buttons and one role=tabpanel per
// item, every panel visible without JavaScript. Here they become switchable tabs: one panel shown,
// aria-selected on its tab, roving tabindex, arrow keys / Home / End move between tabs.
// Groups with data-group-id (groupId) switch together and the choice is remembered; groups with
// data-query-string (queryString) read their choice from ?key=value and write it back there.
// Tabs match across groups by data-value (TabItem's value), else by their label.

const STORE_PREFIX = 'foldmark-tab.';

// The tabs and panels of this group only (nested groups have their own).
function partsOf(group) {
  const own = (node) => node.closest('.fm-tabs') === group;
  const tabs = [...group.querySelectorAll('[role="tab"]')].filter(own);
  const panels = [...group.querySelectorAll('[role="tabpanel"]')].filter(
    (p) => p.parentElement.closest('.fm-tabs') === group,
  );
  return { tabs, panels };
}

function panelOf(tab, tabs, panels) {
  const id = tab.getAttribute('aria-controls');
  return (id && panels.find((p) => p.id === id)) || panels[tabs.indexOf(tab)] || null;
}

const tabValue = (tab) => tab.dataset.value ?? tab.textContent.trim();
const tabWithValue = (tabs, value) => (value == null ? undefined : tabs.find((t) => tabValue(t) === value));

// localStorage throws in some file:// and private-browsing settings: the choice then lasts the page.
function stored(groupId) {
  try {
    return localStorage.getItem(STORE_PREFIX + groupId);
  } catch {
    return null;
  }
}

function store(groupId, value) {
  try {
    localStorage.setItem(STORE_PREFIX + groupId, value);
  } catch {
    // not remembered
  }
}

function fromQuery(key) {
  try {
    return new URLSearchParams(location.search).get(key);
  } catch {
    return null;
  }
}

// The query sits before the hash, so the hash routes (#/doc/heading) are untouched. replaceState:
// a tab switch is no history entry. On file:// a query-only change is allowed too.
function writeQuery(key, value) {
  try {
    const url = new URL(location.href);
    url.searchParams.set(key, value);
    history.replaceState(history.state, '', url.href);
  } catch {
    // the address bar keeps its query
  }
}

function select(group, tab, { focus = false } = {}) {
  const { tabs, panels } = partsOf(group);
  const shown = panelOf(tab, tabs, panels);
  for (const t of tabs) {
    t.setAttribute('aria-selected', String(t === tab));
    t.tabIndex = t === tab ? 0 : -1;
  }
  for (const p of panels) p.hidden = p !== shown;
  if (focus) tab.focus();
}

// A reader's choice: its group, then every group of the page sharing its groupId; the clicked tab
// stays where it was on screen (groups above it may change height).
function choose(group, tab, { focus = false } = {}) {
  const before = tab.getBoundingClientRect().top;
  select(group, tab, { focus });
  const value = tabValue(tab);
  const { groupId, queryString } = group.dataset;
  if (groupId) {
    store(groupId, value);
    for (const other of document.querySelectorAll('.fm-tabs[data-group-id]')) {
      if (other === group || other.dataset.groupId !== groupId) continue;
      const match = tabWithValue(partsOf(other).tabs, value);
      if (match) select(other, match);
    }
  }
  if (queryString) writeQuery(queryString, value);
  const moved = tab.getBoundingClientRect().top - before;
  if (moved) scrollBy(0, moved);
}

function onKey(event) {
  const tab = event.target.closest('[role="tab"]');
  const group = tab?.closest('.fm-tabs');
  if (!group) return;
  const { tabs } = partsOf(group);
  const i = tabs.indexOf(tab);
  const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[
    event.key
  ];
  if (to === undefined || i < 0) return;
  event.preventDefault();
  choose(group, tabs[(to + tabs.length) % tabs.length], { focus: true });
}

function onClick(event) {
  const tab = event.target.closest('[role="tab"]');
  const group = tab?.closest('.fm-tabs');
  if (group) choose(group, tab);
}

// Once per container (#siteArticle): the handlers are delegated, so re-rendered articles need no wiring.
export function wireTabs(container) {
  container.addEventListener('keydown', onKey);
  container.addEventListener('click', onClick);
}

// After each render: one panel per group shown. The tab: the address's ?queryString=value, else
// the remembered choice of its groupId, else the one the core marked selected (defaultValue or
// `default`), else the first.
export function initTabs(root) {
  for (const group of root.querySelectorAll('.fm-tabs')) {
    const { tabs, panels } = partsOf(group);
    if (!tabs.length || !panels.length) continue;
    const { groupId, queryString } = group.dataset;
    const first =
      (queryString && tabWithValue(tabs, fromQuery(queryString))) ||
      (groupId && tabWithValue(tabs, stored(groupId))) ||
      tabs.find((t) => t.getAttribute('aria-selected') === 'true') ||
      tabs.find((t) => t.hasAttribute('data-default')) ||
      tabs[0];
    select(group, first);
  }
}

// Shows the panel holding `node` (a deep link into a hidden panel).
export function revealTab(node) {
  for (let panel = node.closest('[role="tabpanel"]'); panel; panel = panel.parentElement.closest('[role="tabpanel"]')) {
    const group = panel.parentElement.closest('.fm-tabs');
    if (!group) continue;
    const { tabs, panels } = partsOf(group);
    const tab = tabs.find((t) => panelOf(t, tabs, panels) === panel);
    if (tab) select(group, tab);
  }
}
