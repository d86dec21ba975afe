// <div class="fm-tabs"> (from MDX <Tabs>): a role=tablist of buttons and one role=tabpanel per
// item, every panel visible without JavaScript. Here they become switchable tabs: one panel shown,
// aria-selected on its tab, roving tabindex, arrow keys / Home / End move between tabs.

// The tabs and panels of this group only (nested groups have their own).
function partsOf(group) {
  const own = (node) => node.closest('.fm-tabs') === group;
  const tabs = [...group.querySelectorAll('[role="tab"]')].filter(own);
  const panels = [...group.querySelectorAll('[role="tabpanel"]')].filter((p) => p.parentElement.closest('.fm-tabs') === group);
  return { tabs, panels };
}

function panelOf(tab, tabs, panels) {
  const id = tab.getAttribute('aria-controls');
  return (id && panels.find((p) => p.id === id)) || panels[tabs.indexOf(tab)] || null;
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

function onKey(event) {
  const tab = event.target.closest('[role="tab"]');
  const group = tab?.closest('.fm-tabs');
  if (!group) return;
  const { tabs } = partsOf(group);
  const i = tabs.indexOf(tab);
  const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined || i < 0) return;
  event.preventDefault();
  select(group, tabs[(to + tabs.length) % tabs.length], { focus: true });
}

function onClick(event) {
  const tab = event.target.closest('[role="tab"]');
  const group = tab?.closest('.fm-tabs');
  if (group) select(group, tab);
}

// Once per container (#siteArticle): the handlers are delegated, so re-rendered articles need no wiring.
export function wireTabs(container) {
  container.addEventListener('keydown', onKey);
  container.addEventListener('click', onClick);
}

// After each render: one panel per group shown, the tab marked selected (else data-default, else the first).
export function initTabs(root) {
  for (const group of root.querySelectorAll('.fm-tabs')) {
    const { tabs, panels } = partsOf(group);
    if (!tabs.length || !panels.length) continue;
    const first = tabs.find((t) => t.getAttribute('aria-selected') === 'true') ||
      tabs.find((t) => t.hasAttribute('data-default')) || tabs[0];
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
