/* Kretslopp default theme: marks the words a reader searched for on the page a result opens.

   Search results link to their pages with ?highlight=<query>. This script asks the engine
   (window.kretslopp.highlighter, assets/search/engine.js) which words it would mark in an excerpt
   for that query (inflections, words without diacritics, compounds, synonyms from the glossary),
   wraps them in <mark class="search-hit"> inside <main> (text only: never in scripts, styles,
   form fields, navigation such as the table of contents, or on the search page) and scrolls the first one into view: the first
   after the element the #fragment names, if there is one. A page without the parameter is left
   as it is. No modules, no fetch(): works from file:// and over HTTP. */
(function () {
  "use strict";

  var api = window.kretslopp;
  if (!api || typeof api.highlighter !== "function" || !window.URLSearchParams) return;
  var query = new URLSearchParams(location.search).get("highlight");
  var main = document.querySelector("main");
  if (!query || !/[\p{L}\p{N}]/u.test(query) || !main || document.querySelector("[data-search-page]")) return;

  // Not in code that runs, form fields, marks already there, or navigation (the table of contents
  // repeats the headings: the first mark must be one in the text).
  var SKIP = "script, style, noscript, template, textarea, select, option, mark, svg, nav, [contenteditable]";

  // Text nodes of <main> with at least one word to mark, and the words' ranges in each.
  function findHits(matches) {
    var found = [];
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest(SKIP)) return NodeFilter.FILTER_REJECT;
        return /[\p{L}\p{N}]/u.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    var node;
    while ((node = walker.nextNode())) {
      // The engine's own reading of the text: Chinese and Japanese have no spaces between words.
      var ranges = matches.ranges(node.nodeValue);
      if (ranges.length) found.push({ node: node, ranges: ranges });
    }
    return found;
  }

  // Wraps each range in a mark, from the end so the earlier offsets stay right.
  function mark(hits) {
    var marks = [];
    hits.forEach(function (hit) {
      var node = hit.node;
      var made = [];
      for (var i = hit.ranges.length - 1; i >= 0; i--) {
        var range = hit.ranges[i];
        var word = node.splitText(range[0]);
        word.splitText(range[1] - range[0]);
        var element = document.createElement("mark");
        element.className = "search-hit";
        word.parentNode.replaceChild(element, word);
        element.appendChild(word);
        made.unshift(element);
      }
      marks = marks.concat(made);
    });
    return marks;
  }

  // The first mark inside or after the #fragment's element (else the first), unless in view.
  function reveal(marks) {
    var target = null;
    if (location.hash.length > 1) {
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch (error) {
        target = null;
      }
    }
    var first = marks[0];
    if (target) {
      first = null;
      for (var i = 0; i < marks.length && !first; i++) {
        var position = target.compareDocumentPosition(marks[i]);
        if (target.contains(marks[i]) || position & Node.DOCUMENT_POSITION_FOLLOWING) first = marks[i];
      }
    }
    if (!first) return;
    var box = first.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    first.scrollIntoView({ block: "center" });
  }

  api.highlighter(query).then(
    function (matches) {
      reveal(mark(findHits(matches)));
    },
    function () {
      // No index (or it failed to load): the page stays as it is.
    }
  );
})();
