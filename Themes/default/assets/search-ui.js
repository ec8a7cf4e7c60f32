/* Kretslopp default theme: search as you type (progressive enhancement).

   Both parts use window.kretslopp.search from assets/search/engine.js (loaded on every page):

   - The search page (/sok/, [data-search-page]) reads ?q= and the filter parameters, shows the
     results while the reader types, keeps the URL in step (history.replaceState), tells screen
     readers the number of hits in a polite live region once the typing pauses, and helps when
     nothing is found. The filter controls are filters.js's (data-facets-external): this file
     listens for its "facetschange" event and gives it the count each value would give.
   - The header's search box ([data-search-suggest]) on every other page becomes a combobox with
     a list of the best pages under it (ARIA APG combobox, list autocomplete). Enter without a
     chosen suggestion submits the form to the search page, as it does without JavaScript.

   Without JavaScript both forms go to /sok/?q=..., which says that search needs JavaScript and
   points to the filters and term pages. No modules, no fetch(): works from file://. Every text
   comes from data-text-* attributes that the templates fill from i18n. */
(function () {
  "use strict";

  var DEBOUNCE = 120; // ms after the last key before searching
  var ANNOUNCE = 800; // ms of quiet typing before the live region speaks
  var PAGE_SIZE = 20;
  var SUGGESTIONS = 6;

  var api = window.kretslopp || {};
  var canSearch = typeof api.search === "function" && !!window.URLSearchParams && !!history.replaceState;

  // ---------- Small helpers ----------

  function text(element, name) {
    return element.getAttribute("data-text-" + name) || "";
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  // The engine ignores words of one letter; a query without a longer word is no query. One Chinese
  // character or kana is one: the engine looks for the words it starts.
  function hasWords(query) {
    return /[\p{L}\p{N}]{2}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query);
  }

  // Starts loading the index metadata, so the first real query is quick.
  function warmUp() {
    try {
      api.searchReady.catch(function () {});
    } catch (error) {
      // No engine: the forms still go to the search page.
    }
  }

  // ---------- Sections: the menu section ("Projects") of a result, for an index without kinds ----------

  // The menu's links (a <template> in the header form) and the site root, as absolute URLs.
  function readSections() {
    var template = document.querySelector("template[data-search-sections]");
    if (!template || !template.content) return [];
    var home = normalise(template.getAttribute("data-home") || "./");
    var found = [];
    Array.prototype.forEach.call(template.content.querySelectorAll("a[href]"), function (link) {
      var url = normalise(link.getAttribute("href"));
      if (url !== home && url.indexOf(home) === 0) found.push({ url: url, title: link.textContent });
    });
    return found;
  }

  function normalise(href) {
    return new URL(href, location.href).href.replace(/[?#].*$/, "").replace(/index\.html$/, "");
  }

  // The title of the menu section a result lies in (not the section page itself), or "".
  function sectionOf(sections, url) {
    var target = normalise(url);
    var best = null;
    sections.forEach(function (section) {
      if (target !== section.url && target.indexOf(section.url) === 0 && (!best || section.url.length > best.url.length)) {
        best = section;
      }
    });
    return best ? best.title : "";
  }

  // What a result is: the engine's kind ("Project", "Glossary") and section path (where
  // titles repeat); with an index that has no kinds, the menu section it lies in.
  function describe(result, sections) {
    if (result.kind) return { kind: result.kind, section: result.section || "" };
    return { kind: sectionOf(sections, result.url), section: result.section || "" };
  }

  // ---------- The search page ----------

  // On narrow screens the filters fold away under their heading (a disclosure button, which also
  // says how many values are chosen), so the results come into view; wide screens show them.
  function foldable(facets, filters) {
    var heading = facets.querySelector(".facets__heading");
    var body = facets.querySelector(".facets__body");
    if (!heading || !body || !window.matchMedia) return function () {};
    var title = heading.textContent;
    var narrow = window.matchMedia("(max-width: 59.99rem)");
    var button = element("button", "facets__toggle");
    var label = element("span");
    var chosen = element("span", "heading-count");
    button.type = "button";
    button.setAttribute("aria-controls", body.id);
    button.setAttribute("aria-expanded", "false");
    label.textContent = title;
    button.appendChild(label);
    button.appendChild(chosen);
    var expanded = false;

    function count() {
      var selection = filters ? filters.selection() : {};
      var n = 0;
      Object.keys(selection).forEach(function (param) { n += selection[param].length; });
      chosen.textContent = n ? " (" + format(text(heading, n === 1 ? "chosen-one" : "chosen"), { n: n }) + ")" : "";
    }

    function layout() {
      heading.textContent = "";
      if (narrow.matches) {
        heading.appendChild(button);
        body.hidden = !expanded;
      } else {
        heading.textContent = title;
        body.hidden = false;
      }
    }

    button.addEventListener("click", function () {
      expanded = !expanded;
      button.setAttribute("aria-expanded", expanded ? "true" : "false");
      body.hidden = !expanded;
    });
    if (narrow.addEventListener) narrow.addEventListener("change", layout);
    count();
    layout();
    return count;
  }

  function searchPage(root) {
    var form = root.querySelector("form");
    var input = root.querySelector("[data-search-input]");
    var results = root.querySelector("[data-search-results]");
    var heading = results.querySelector("h2");
    var summary = root.querySelector("[data-search-summary]");
    var status = root.querySelector("[data-search-status]");
    var help = root.querySelector("[data-search-help]");
    var partial = root.querySelector("[data-search-partial]");
    var list = root.querySelector("[data-search-list]");
    var moreRow = root.querySelector("[data-search-more-row]");
    var more = root.querySelector("[data-search-more]");
    var none = root.querySelector("[data-search-none]");
    var noneFilters = root.querySelector("[data-search-none-filters]");
    var clearFilters = root.querySelector("[data-search-clear-filters]");
    var failed = root.querySelector("[data-search-failed]");
    var hint = root.querySelector("[data-search-hint]");
    var facets = document.querySelector("[data-facets-root][data-facets-external]");
    // filters.js runs first (script order) and has read the filter parameters of the URL.
    var filters = facets && api.filters && api.filters.setCounts ? api.filters : null;

    if (!canSearch) {
      failed.hidden = false;
      return;
    }

    var sections = readSections();
    var sequence = 0; // the newest search; older answers are dropped
    var timer = 0;
    var announceTimer = 0;
    var current = null; // { q, query, filters, total, shown } of the results on screen

    hint.hidden = false;
    results.hidden = false;
    var countChosen = facets ? foldable(facets, filters) : function () {};

    function selection() {
      return filters ? filters.selection() : {};
    }

    function isFiltered(chosen) {
      return Object.keys(chosen).length > 0;
    }

    // ?q= first, then the other parameters (the filters) as they are.
    function syncURL(q) {
      var next = new URLSearchParams();
      if (q.trim()) next.append("q", q);
      new URLSearchParams(location.search).forEach(function (value, key) {
        if (key !== "q") next.append(key, value);
      });
      var query = next.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }

    // One of the states below the form: "help", "results", "none" or "failed".
    function show(state) {
      help.hidden = state !== "help";
      heading.hidden = state === "help"; // a results heading above the help would promise hits
      list.hidden = state !== "results";
      none.hidden = state !== "none";
      failed.hidden = state !== "failed";
      results.hidden = state === "failed";
      if (state !== "results") {
        partial.hidden = true;
        moreRow.hidden = true;
      }
      if (state === "help" || state === "failed") summary.textContent = "";
    }

    function message(state) {
      var n = state.total;
      if (!state.query) return format(text(root, n === 1 ? "list-count-one" : "list-count"), { n: n });
      var kind = isFiltered(state.filters) ? "count-filtered" : "count";
      var suffix = n === 0 ? "-none" : n === 1 ? "-one" : "";
      return format(text(root, kind + suffix), { n: n, q: state.q.trim() });
    }

    // The visible summary at once; the live region at once or (while typing) after a pause.
    function say(words, later, again) {
      summary.textContent = words;
      clearTimeout(announceTimer);
      if (later) announceTimer = setTimeout(function () { speak(words, again); }, ANNOUNCE);
      else speak(words, again);
    }

    function speak(words, again) {
      var said = status.textContent;
      if (said.replace(/\u00a0$/, "") === words) {
        if (!again || !words) return;
        // The same words again would not be read: vary them invisibly.
        words = said === words ? words + "\u00a0" : words;
      }
      status.textContent = words;
    }

    // A result: its kind and section path, its linked title, its excerpt, and the page's
    // sections with hits as a nested list of deep links, each with its own excerpt.
    function item(result) {
      var li = element("li", "search-result");
      var about = describe(result, sections);
      if (about.kind || about.section) {
        var label = element("p", "search-result__meta");
        if (about.kind) {
          var kind = element("span", "search-result__kind");
          kind.textContent = about.kind;
          label.appendChild(kind);
        }
        if (about.section) {
          var section = element("span", "search-result__section");
          section.textContent = about.section;
          label.appendChild(section);
        }
        li.appendChild(label);
      }
      var heading = element("h3", "search-result__title");
      var link = element("a");
      link.href = result.url;
      link.textContent = result.title;
      heading.appendChild(link);
      li.appendChild(heading);
      if (result.excerpt) {
        var excerpt = element("p", "search-result__excerpt");
        excerpt.innerHTML = result.excerpt; // the engine's own escaped HTML with <mark>
        li.appendChild(excerpt);
      }
      var subs = result.subResults || [];
      if (subs.length) {
        var nested = element("ul", "search-result__subs");
        subs.forEach(function (sub) {
          var entry = element("li", "search-result__sub");
          var subLink = element("a", "search-result__sub-link");
          subLink.href = sub.url;
          subLink.textContent = sub.title;
          entry.appendChild(subLink);
          if (sub.excerpt) {
            var subExcerpt = element("p", "search-result__sub-excerpt");
            subExcerpt.innerHTML = sub.excerpt;
            entry.appendChild(subExcerpt);
          }
          nested.appendChild(entry);
        });
        li.appendChild(nested);
      }
      return li;
    }

    function append(found) {
      var fragment = document.createDocumentFragment();
      found.forEach(function (result) { fragment.appendChild(item(result)); });
      list.appendChild(fragment);
      current.shown += found.length;
      moreRow.hidden = current.shown >= current.total;
    }

    function fail() {
      show("failed");
      say("", false);
    }

    // Runs the search for the form's words and the chosen filters. `reason`: "typing", "submit",
    // "filters", "history" or "load".
    function run(reason) {
      clearTimeout(timer);
      var q = input.value;
      var chosen = selection();
      var query = hasWords(q) ? q : "";
      var id = ++sequence;
      syncURL(q);
      if (!query && !isFiltered(chosen)) {
        current = null;
        list.textContent = "";
        show("help");
        say("", false);
        if (filters) filters.setCounts(null);
        return;
      }
      api.search(query, { filters: chosen, limit: PAGE_SIZE }).then(function (found) {
        if (id !== sequence) return;
        current = { q: q, query: query, filters: chosen, total: found.total, shown: 0 };
        list.textContent = "";
        if (found.total === 0) {
          show("none");
          noneFilters.hidden = !isFiltered(chosen);
        } else {
          show("results");
          partial.hidden = !found.partial;
          append(found);
        }
        say(message(current), reason === "typing", reason !== "typing");
        count(query, chosen, id);
      }, function () {
        if (id === sequence) fail();
      });
    }

    // Each filter value's count: the hits it gives with the other groups' choices (OR within a
    // group, AND across groups, as on the listing pages).
    function count(query, chosen, id) {
      if (!filters) return;
      var controls = facets.querySelectorAll(".facet[data-param][data-slug]");
      var keys = [];
      var totals = Array.prototype.map.call(controls, function (control) {
        var param = control.getAttribute("data-param");
        var slug = control.getAttribute("data-slug");
        var trial = {};
        Object.keys(chosen).forEach(function (other) {
          if (other !== param) trial[other] = chosen[other];
        });
        trial[param] = [slug];
        keys.push(param + ":" + slug);
        return api.search(query, { filters: trial, limit: 1 }).then(function (found) { return found.total; });
      });
      Promise.all(totals).then(function (numbers) {
        if (id !== sequence) return;
        var counts = {};
        keys.forEach(function (key, position) { counts[key] = numbers[position]; });
        filters.setCounts(counts);
      }, function () {});
    }

    // Every link of the results in reading order: titles and their sections.
    function links() {
      return Array.prototype.slice.call(list.querySelectorAll(".search-result__title a, .search-result__sub-link"));
    }

    function titleLinks() {
      return Array.prototype.slice.call(list.querySelectorAll(".search-result__title a"));
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run("typing"); }, DEBOUNCE);
    });

    input.addEventListener("focus", warmUp);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run("submit");
    });

    // Arrow down from the box to the first result, up and down through the results and their
    // sections' links, Esc back. Tab keeps its usual order.
    input.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var first = links()[0];
      if (!first || list.hidden) return;
      event.preventDefault();
      first.focus();
    });

    list.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = null;
      if (event.key === "ArrowDown") target = all[at + 1] || all[at];
      else if (event.key === "ArrowUp") target = at > 0 ? all[at - 1] : input;
      else if (event.key === "Escape") target = input;
      if (!target) return;
      event.preventDefault();
      target.focus();
    });

    more.addEventListener("click", function () {
      if (!current) return;
      var id = sequence;
      var from = current.shown;
      api.search(current.query, { filters: current.filters, limit: PAGE_SIZE, offset: from }).then(function (found) {
        if (id !== sequence) return;
        append(found);
        var next = titleLinks()[from];
        if (next) next.focus();
      }, function () {
        if (id === sequence) fail();
      });
    });

    clearFilters.addEventListener("click", function () {
      if (filters) filters.select({}); // its "facetschange" runs the search again
      input.focus();
    });

    if (facets) {
      facets.addEventListener("facetschange", function () {
        countChosen();
        // Coalesced with a popstate that also changes the words (see below).
        clearTimeout(timer);
        timer = setTimeout(function () { run("filters"); }, 0);
      });
    }

    window.addEventListener("popstate", function () {
      input.value = new URLSearchParams(location.search).get("q") || "";
      run("history");
    });

    input.value = new URLSearchParams(location.search).get("q") || "";
    run("load");
  }

  // ---------- The header's search box: a combobox with suggestions ----------

  function suggestions(form) {
    var input = form.querySelector("input[name=q]");
    if (!input || !input.id) return;
    var sections = readSections();
    var panel = element("div", "suggest");
    var listbox = element("ul", "suggest__list");
    var note = element("p", "suggest__note");
    var status = element("p", "visually-hidden");
    listbox.id = input.id + "_suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", text(form, "label"));
    note.setAttribute("aria-hidden", "true"); // the live region says the same
    status.setAttribute("role", "status");
    panel.hidden = true;
    panel.appendChild(listbox);
    panel.appendChild(note);
    form.appendChild(panel);
    form.appendChild(status);
    form.classList.add("search-form--suggest");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    var options = []; // { node, url }
    var active = -1;
    var sequence = 0;
    var timer = 0;
    var announceTimer = 0;

    function allResultsURL(q) {
      var url = new URL(form.getAttribute("action") || "", location.href);
      url.search = new URLSearchParams({ q: q }).toString();
      return url.href;
    }

    function open(withList) {
      panel.hidden = false;
      listbox.hidden = !withList;
      input.setAttribute("aria-expanded", withList ? "true" : "false");
    }

    function close() {
      clearTimeout(timer);
      sequence++;
      setActive(-1);
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function setActive(index) {
      if (options[active]) options[active].node.setAttribute("aria-selected", "false");
      active = index;
      if (options[active]) {
        var node = options[active].node;
        node.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", node.id);
        node.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    // An option: the title, then what it is (kind and section path) in smaller type.
    function option(label, about, url, className) {
      var node = element("li", "suggest__option" + (className ? " " + className : ""));
      node.id = listbox.id + "_" + options.length;
      node.setAttribute("role", "option");
      node.setAttribute("aria-selected", "false");
      var title = element("span", "suggest__title");
      title.textContent = label;
      node.appendChild(title);
      if (about && (about.kind || about.section)) {
        var where = element("span", "suggest__section");
        if (about.kind) {
          var kind = element("span", "suggest__kind");
          kind.textContent = about.kind;
          where.appendChild(kind);
        }
        if (about.kind && about.section) where.appendChild(document.createTextNode(" \u00b7 "));
        if (about.section) where.appendChild(document.createTextNode(about.section));
        node.appendChild(where);
      }
      listbox.appendChild(node);
      options.push({ node: node, url: url });
    }

    function announce(words) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(function () { status.textContent = words; }, ANNOUNCE);
    }

    function update() {
      var q = input.value;
      if (!hasWords(q)) {
        close();
        announce("");
        return;
      }
      var id = ++sequence;
      api.search(q, { limit: SUGGESTIONS }).then(function (found) {
        if (id !== sequence) return;
        listbox.textContent = "";
        options = [];
        active = -1;
        input.removeAttribute("aria-activedescendant");
        var words = q.trim();
        found.forEach(function (result) { option(result.title, describe(result, sections), result.url); });
        if (found.length === 0) {
          note.textContent = format(text(form, "none"), { q: words });
          note.hidden = false;
          open(false);
          announce(note.textContent);
          return;
        }
        option(format(text(form, "all"), { q: words }), null, allResultsURL(q), "suggest__option--all");
        note.hidden = true;
        open(true);
        announce(format(text(form, found.length === 1 ? "count-one" : "count"), { n: found.length }));
      }, function () {
        if (id === sequence) close();
      });
    }

    function go(index) {
      var chosen = options[index];
      if (chosen) location.href = chosen.url;
    }

    input.addEventListener("focus", warmUp);

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE);
    });

    input.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length || !hasWords(input.value)) return;
        event.preventDefault();
        if (!expanded) {
          open(true);
          if (event.altKey) return; // Alt+Down opens without choosing
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) next = 0;
        if (next < 0) next = options.length - 1;
        setActive(next);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape") {
        if (!panel.hidden) {
          event.preventDefault(); // the list closes; the words stay (the next Esc clears them)
          close();
        }
      }
    });

    input.addEventListener("blur", close);

    // A click on a suggestion must not take the focus from the box first.
    panel.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      var node = event.target.closest("[role=option]");
      if (node) go(options.map(function (entry) { return entry.node; }).indexOf(node));
    });
  }

  // ---------- Start ----------

  var page = document.querySelector("[data-search-page]");
  if (page) searchPage(page);
  if (canSearch && !page) {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-search-suggest]"), suggestions);
  }
})();
