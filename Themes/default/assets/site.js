/* Kretslopp default theme: the one script that runs first, blocking in <head>, before the body
   is drawn (filters.js, search-ui.js and highlight.js come later, deferred).
   It marks <html> with the class "js", so the style sheet can fold the menu and the filters on
   narrow screens from the first paint (no layout shift when the other scripts arrive); without
   JavaScript nothing is folded and everything shows. It also opens and closes every disclosure
   button ([data-disclosure], aria-controls naming what it shows) by listening on the document,
   so the buttons work as soon as they are drawn, and marks boxes that scroll sideways. */
(function () {
  "use strict";

  var root = document.documentElement;
  root.className += (root.className ? " " : "") + "js";

  function set(button, open) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (panel) panel.classList.toggle("is-open", open);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("[data-disclosure]") : null;
    if (!button) return;
    set(button, button.getAttribute("aria-expanded") !== "true");
  });

  // Boxes that scroll sideways (wide tables, charts on narrow screens) are marked, with where
  // they are scrolled to, so the style sheet can fade the edge where more is hidden.
  var SCROLLERS = ".table-wrap, .chart__scroll";

  function mark(box) {
    var room = box.scrollWidth - box.clientWidth;
    var scrollable = room > 1;
    box.classList.toggle("is-scrollable", scrollable);
    box.classList.toggle("is-scrolled-end", scrollable && box.scrollLeft >= room - 1);
    box.classList.toggle("is-scrolled-middle", scrollable && box.scrollLeft > 1 && box.scrollLeft < room - 1);
  }

  function markAll() {
    var boxes = document.querySelectorAll(SCROLLERS);
    for (var i = 0; i < boxes.length; i++) mark(boxes[i]);
  }

  document.addEventListener("DOMContentLoaded", markAll);
  window.addEventListener("resize", markAll);
  document.addEventListener("scroll", function (event) {
    var box = event.target;
    if (box && box.matches && box.matches(SCROLLERS)) mark(box);
  }, true);

  // Escape closes an open menu and gives the focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelectorAll("[data-disclosure][aria-expanded='true'][data-disclosure-escape]");
    for (var i = 0; i < open.length; i++) {
      var panel = document.getElementById(open[i].getAttribute("aria-controls"));
      if (panel && panel.contains(document.activeElement)) open[i].focus();
      set(open[i], false);
    }
  });

  // Content tabs (MkDocs' === "C"): without JavaScript every panel shows under its label; with
  // it, the labels become a tab list as WAI-ARIA describes one (arrow keys, Home and End move
  // between the tabs, Tab goes on into the panel). A link to a heading in a hidden panel shows
  // that panel first.
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

  document.addEventListener("DOMContentLoaded", function () {
    var sets = document.querySelectorAll(".tabs");
    for (var i = 0; i < sets.length; i++) makeTabs(sets[i]);
    if (sets.length && location.hash) showTarget();
  });
  window.addEventListener("hashchange", function () {
    if (document.querySelector(".tabs--enhanced")) showTarget();
  });

  // A printout has no summary to click: collapsed boxes (MkDocs' ??? admonitions) are opened
  // for it, and closed again after.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = true;
      openedForPrint.push(closed[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (openedForPrint.length) openedForPrint.pop().open = false;
  });
})();
