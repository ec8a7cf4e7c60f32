/* Kretslopp default theme: content tabs (MkDocs' === "C" in Markdown), deferred. Without
   JavaScript every tab's text shows under its title; here each set of tabs becomes a tab list as
   WAI-ARIA describes one: arrow keys, Home and End move between the tabs, Tab goes on into the
   panel. A link to a heading inside a hidden tab shows that tab. */
(function () {
  "use strict";

  var tabSets = 0;

  function makeTabs(set) {
    var panels = [], tabs = [], selected = 0, i;
    for (i = 0; i < set.children.length; i++) {
      if (set.children[i].classList.contains("tabs__panel")) panels.push(set.children[i]);
    }
    if (!panels.length) return;
    var n = ++tabSets;
    var list = document.createElement("div");
    list.className = "tabs__list";
    list.setAttribute("role", "tablist");
    panels.forEach(function (panel, k) {
      var label = panel.querySelector(".tabs__label");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = "kl_tab_" + n + "_" + k;
      tab.setAttribute("role", "tab");
      tab.textContent = label ? label.textContent.trim() : String(k + 1);
      if (!panel.id) panel.id = "kl_tabpanel_" + n + "_" + k;
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      if (label) label.classList.add("tabs__label--in-list");
      if (panel.hasAttribute("data-selected")) selected = k;
      list.appendChild(tab);
      tabs.push(tab);
    });
    function select(k, focus) {
      tabs.forEach(function (tab, j) {
        tab.setAttribute("aria-selected", j === k ? "true" : "false");
        tab.tabIndex = j === k ? 0 : -1;
        panels[j].hidden = j !== k;
      });
      if (focus) tabs[k].focus();
    }
    list.addEventListener("click", function (event) {
      var k = tabs.indexOf(event.target.closest ? event.target.closest("[role='tab']") : null);
      if (k >= 0) select(k, false);
    });
    list.addEventListener("keydown", function (event) {
      var k = tabs.indexOf(document.activeElement);
      var moves = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 };
      if (k < 0 || !(event.key in moves)) return;
      event.preventDefault();
      select((moves[event.key] + tabs.length) % tabs.length, true);
    });
    set.insertBefore(list, set.firstChild);
    set.classList.add("tabs--enhanced");
    select(selected, false);
    set.klSelect = function (panel) { select(panels.indexOf(panel), false); };
  }

  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.getAttribute && node.getAttribute("role") === "tabpanel" && node.hidden) {
        node.parentElement.klSelect(node);
      }
    }
    if (target && target.scrollIntoView) target.scrollIntoView();
  }

  // Deferred: the document is parsed when this runs.
  var sets = document.querySelectorAll(".tabs");
  for (var i = 0; i < sets.length; i++) makeTabs(sets[i]);
  if (sets.length && location.hash) showTarget();
  window.addEventListener("hashchange", function () {
    if (document.querySelector(".tabs--enhanced")) showTarget();
  });
})();
