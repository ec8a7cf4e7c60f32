/* Kretslopp default theme: the one script that runs first, blocking in <head>, before the body
   is drawn (filters.js, search-ui.js, highlight.js and tabs.js come later,
   deferred).
   It marks <html> with the class "js", so the style sheet can fold the menu and the filters on
   narrow screens from the first paint (no layout shift when the other scripts arrive); without
   JavaScript nothing is folded and everything shows. It also opens and closes every disclosure
   button ([data-disclosure], aria-controls naming what it shows) by listening on the document,
   so the buttons work as soon as they are drawn, closes the list of languages when the reader
   turns elsewhere, marks boxes that scroll sideways, and lets code blocks take the focus. */
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

  // A code block whose lines run past its box scrolls sideways, which a keyboard can do only in
  // what takes the focus (WCAG 2.1.1): each code block does, as Material for MkDocs makes them.
  // Without JavaScript long lines wrap instead (style.css), so nothing is out of reach.
  document.addEventListener("DOMContentLoaded", function () {
    var blocks = document.querySelectorAll(".prose pre");
    for (var i = 0; i < blocks.length; i++) {
      if (!blocks[i].hasAttribute("tabindex")) blocks[i].tabIndex = 0;
    }
  });

  // The site's navigation, when it scrolls beside the page, starts scrolled to this page's entry.
  document.addEventListener("DOMContentLoaded", function () {
    var nav = document.querySelector(".site-nav");
    var here = nav && nav.querySelector("[aria-current='page']");
    if (!here || nav.scrollHeight <= nav.clientHeight) return;
    var top = here.getBoundingClientRect().top - nav.getBoundingClientRect().top + nav.scrollTop;
    nav.scrollTop = Math.max(0, top - nav.clientHeight / 3);
  });
  document.addEventListener("scroll", function (event) {
    var box = event.target;
    if (box && box.matches && box.matches(SCROLLERS)) mark(box);
  }, true);

  // The list of languages (a <details> in the menu bar) closes on a click or a focus elsewhere.
  function closeLanguageMenus(except) {
    var open = document.querySelectorAll(".language-menu details[open]");
    for (var i = 0; i < open.length; i++) {
      if (!except || !open[i].contains(except)) open[i].open = false;
    }
  }
  document.addEventListener("click", function (event) { closeLanguageMenus(event.target); });
  document.addEventListener("focusin", function (event) { closeLanguageMenus(event.target); });

  // Escape closes an open menu and gives the focus back to its button: the list of languages
  // first, when the focus is in it.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var languages = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest(".language-menu details[open]") : null;
    if (languages) {
      languages.open = false;
      languages.querySelector("summary").focus();
      return;
    }
    var open = document.querySelectorAll("[data-disclosure][aria-expanded='true'][data-disclosure-escape]");
    for (var i = 0; i < open.length; i++) {
      var panel = document.getElementById(open[i].getAttribute("aria-controls"));
      if (panel && panel.contains(document.activeElement)) open[i].focus();
      set(open[i], false);
    }
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
