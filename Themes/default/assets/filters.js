/* Kretslopp default theme: facet filters on the project listing (progressive enhancement).

   Without this file every filter value is a link to its term page. With it, the links become
   toggle buttons that filter the cards in place: OR within a group, AND across groups. Each
   count says how many projects the value gives together with the choices in the OTHER groups.
   The state lives in the query string (?tagg=cirkular&omrade=mobler&omrade=naringsliv), so a
   filtered view can be bookmarked, and back/forward walk through the choices.

   The data is the build's: each card's data-facets="param:slug ..." is read once into one
   bitset per value; a change is a few AND/OR/popcount passes over Uint32Arrays, and only the
   cards whose visibility changed are touched. No modules, no fetch(): works from file://.
   Every UI text comes from data-text-* attributes that the template fills from i18n.

   On the search page the root carries data-facets-external and there are no cards: the same
   controls and URL state, but the counts come from outside (search-ui.js runs the search and
   calls kretslopp.filters.setCounts) and every change is told with a "facetschange" event.

   A paged listing (data-facets-data on the list) shows one page of cards; its filters work over
   every card of the listing: the bitsets come from the build's filter data file, and a filtered
   view draws the matching cards from the data's card chunks, loaded as scripts when first shown
   (so this works from file:// too). Without a choice the page's own cards and pager are shown. */
(function () {
  "use strict";

  var started = performance.now();
  var root = document.querySelector("[data-facets-root]");
  var list = document.querySelector("[data-facets-list]");
  var external = !!root && root.hasAttribute("data-facets-external");
  if (!root || !(list || external) || !window.Uint32Array || !window.URLSearchParams || !history.pushState) return;

  // ---------- Filter data of a paged listing (script elements: fetch() fails from file://) ----------

  function loadScript(url, failed) {
    var script = document.createElement("script");
    script.src = url;
    script.async = true;
    script.onerror = failed || null;
    document.head.appendChild(script);
  }

  var dataAttribute = list && !external ? list.getAttribute("data-facets-data") : null;
  if (dataAttribute) {
    var dataURL = new URL(dataAttribute, location.href).href;
    window.__kretsloppFilterData = function (path, data) {
      window.__kretsloppFilterData = null;
      data.url = dataURL;
      init(data);
    };
    // Without the data the filters stay links to the term pages: everything still works.
    loadScript(dataURL);
  } else {
    init(null);
  }

  function init(data) {

  // ---------- Bitsets: bit i is card i ----------

  function popcount(x) {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }

  function countAnd(a, b) {
    var n = 0;
    for (var w = 0; w < a.length; w++) n += popcount(a[w] & b[w]);
    return n;
  }

  function count(a) {
    var n = 0;
    for (var w = 0; w < a.length; w++) n += popcount(a[w]);
    return n;
  }

  // ---------- The index: read the markup once ----------

  var cards = list && !data ? list.querySelectorAll("[data-facets]") : [];
  var cardCount = data ? data.count : cards.length;
  var words = (cardCount + 31) >>> 5;
  var all = new Uint32Array(words);
  for (var i = 0; i < cardCount; i++) all[i >>> 5] |= 1 << (i & 31);
  // What to hide: the list item around a card, so the grid closes up.
  var items = new Array(cards.length);
  for (i = 0; i < cards.length; i++) items[i] = cards[i].parentElement.tagName === "LI" ? cards[i].parentElement : cards[i];
  // In a long list, cards outside the window are not laid out until they scroll near: showing
  // 10,000 cards again then costs the browser ~0.1 s instead of ~1 s (Benchmarks/filter_bench.py).
  // One rule added here, not in style.css, because the Nu CSS checker does not know it yet.
  if (cards.length > 100) {
    var rule = document.createElement("style");
    rule.textContent = "[data-facets-list] .cards > li { content-visibility: auto; contain-intrinsic-size: auto 15rem; }";
    document.head.appendChild(rule);
  }

  var values = []; // { param, slug, bits (its cards), total, link then control, countNode, selected, ... }
  var byKey = Object.create(null); // "param:slug" -> value
  var groups = []; // { param, values: [value] }

  Array.prototype.forEach.call(root.querySelectorAll("[data-param]:not(a)"), function (element) {
    var group = { param: element.getAttribute("data-param"), values: [] };
    Array.prototype.forEach.call(element.querySelectorAll("a[data-slug]"), function (link) {
      var value = {
        param: group.param,
        slug: link.getAttribute("data-slug"),
        bits: new Uint32Array(words),
        total: 0,
        link: link,
        control: null,
        countNode: null,
        selected: false,
        shownCount: -1,
        available: true
      };
      byKey[value.param + ":" + value.slug] = value;
      group.values.push(value);
      values.push(value);
    });
    if (group.values.length) groups.push(group);
  });
  if (!groups.length) return;

  if (data) {
    values.forEach(function (value) {
      var encoded = data.values[value.param + ":" + value.slug];
      if (encoded) value.bits = decodeBits(encoded, words);
    });
  }
  for (i = 0; i < cards.length; i++) {
    var keys = (cards[i].getAttribute("data-facets") || "").split(" ");
    for (var k = 0; k < keys.length; k++) {
      var value = byKey[keys[k]];
      if (value) value.bits[i >>> 5] |= 1 << (i & 31);
    }
  }
  values.forEach(function (value) { value.total = count(value.bits); });
  // Without cards the build's own count (in the link) is the total until counts come from outside.
  var externalCounts = null;
  if (external) {
    values.forEach(function (value) {
      var countElement = value.link.querySelector(".facet__count");
      value.total = parseInt(countElement ? countElement.textContent : "", 10) || 0;
    });
  }

  // ---------- A paged listing: matching cards drawn from the data's chunks ----------

  var pageParts = [];   // the page's own cards, pager and "showing" line: shown without a choice
  var matchList = null; // the filtered view's cards
  var moreRow = null;
  var matches = [];     // positions of the matching cards, in listing order
  var limit = 0;        // how many of them are drawn
  var chunks = [];      // chunk number -> card HTML, once loaded
  var requested = [];   // chunk number -> true once its script is asked for
  var drawn = 0;        // bumped by every draw, so a late chunk does not draw an old view

  if (data) {
    var pageList = list.querySelector("ul");
    pageParts = [pageList, list.querySelector("[data-facets-pager]"), list.querySelector("[data-facets-showing]")].filter(Boolean);
    data.pageSize = pageList ? pageList.children.length : 24;
    matchList = document.createElement("ul");
    matchList.className = pageList ? pageList.className : "cards";
    matchList.hidden = true;
    moreRow = document.createElement("p");
    moreRow.className = "filter-more";
    moreRow.hidden = true;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "button";
    more.textContent = list.getAttribute("data-text-more") || "+";
    moreRow.appendChild(more);
    var after = pageParts.length ? pageParts[pageParts.length - 1] : null;
    list.insertBefore(matchList, after ? after.nextSibling : null);
    list.insertBefore(moreRow, matchList.nextSibling);
    more.addEventListener("click", function () {
      var first = limit;
      limit += data.pageSize;
      draw(first);
    });
    window.__kretsloppFilterCards = function (path, chunk, html) {
      chunks[chunk] = html;
      draw(-1);
    };
  }

  function decodeBits(encoded, size) {
    var binary = atob(encoded);
    var bytes = new Uint8Array(size * 4);
    for (var b = 0; b < binary.length && b < bytes.length; b++) bytes[b] = binary.charCodeAt(b);
    var bits = new Uint32Array(size);
    for (var w = 0; w < size; w++) {
      bits[w] = (bytes[4 * w] | (bytes[4 * w + 1] << 8) | (bytes[4 * w + 2] << 16) | (bytes[4 * w + 3] << 24)) >>> 0;
    }
    return bits;
  }

  function showMatches(result) {
    var filtered = anySelected();
    pageParts.forEach(function (part) { part.hidden = filtered; });
    moreRow.hidden = true;
    matches = [];
    matchList.hidden = true;
    if (!filtered) return;
    for (var w = 0; w < words; w++) {
      var bitsLeft = result[w];
      while (bitsLeft) {
        var bit = bitsLeft & -bitsLeft;
        matches.push((w << 5) + 31 - Math.clz32(bit));
        bitsLeft ^= bit;
      }
    }
    matchList.hidden = matches.length === 0;
    limit = data.pageSize;
    draw(0);
  }

  // Draws the first `limit` matches once their chunks are here; `focusFrom` >= 0 moves focus to
  // the card at that position (after "show more"), -1 only redraws after a chunk arrived.
  function draw(focusFrom) {
    var token = ++drawn;
    var wanted = matches.slice(0, limit);
    var missing = false;
    wanted.forEach(function (position) {
      var chunk = Math.floor(position / data.chunkSize);
      if (chunks[chunk]) return;
      missing = true;
      if (!requested[chunk]) {
        requested[chunk] = true;
        loadScript(new URL(data.chunks[chunk], data.url).href, function () { requested[chunk] = false; });
      }
    });
    if (missing) {
      matchList.setAttribute("aria-busy", "true");
      pendingFocus = focusFrom >= 0 ? focusFrom : pendingFocus;
      return;
    }
    if (token !== drawn) return;
    matchList.removeAttribute("aria-busy");
    var template = document.createElement("template");
    template.innerHTML = wanted.map(function (position) {
      return chunks[Math.floor(position / data.chunkSize)][position % data.chunkSize];
    }).join("");
    // The cards' links are relative to their chunk's folder: make them absolute for this page.
    var base = new URL(data.chunks[0], data.url).href;
    Array.prototype.forEach.call(template.content.querySelectorAll("[href], [src]"), function (element) {
      ["href", "src"].forEach(function (name) {
        var link = element.getAttribute(name);
        if (link && link.charAt(0) !== "#" && !/^[a-z][a-z0-9+.-]*:/i.test(link)) element.setAttribute(name, new URL(link, base).href);
      });
    });
    matchList.textContent = "";
    matchList.appendChild(template.content);
    moreRow.hidden = matches.length <= limit;
    var focusAt = focusFrom >= 0 ? focusFrom : pendingFocus;
    pendingFocus = -1;
    if (focusAt > 0 && matchList.children[focusAt]) {
      var link = matchList.children[focusAt].querySelector("a[href]");
      if (link) link.focus();
    }
  }
  var pendingFocus = -1;

  // ---------- Filtering ----------

  var shown = all.slice(); // cards visible now
  var scratch = new Uint32Array(words);

  // The cards the selection of every group except `skip` lets through (`all` when none selects).
  function intersectGroups(skip, masks, out) {
    var any = false;
    for (var g = 0; g < groups.length; g++) {
      if (g === skip || !masks[g]) continue;
      var mask = masks[g];
      if (!any) { out.set(mask); any = true; } else for (var w = 0; w < words; w++) out[w] &= mask[w];
    }
    return any ? out : all;
  }

  // One mask per group: the OR of its chosen values (null when the group has no choice).
  function groupMasks() {
    return groups.map(function (group) {
      var mask = null;
      group.values.forEach(function (value) {
        if (!value.selected) return;
        if (!mask) mask = new Uint32Array(words);
        for (var w = 0; w < words; w++) mask[w] |= value.bits[w];
      });
      return mask;
    });
  }

  // Sets `hidden` on the cards whose visibility differs between `shown` and `result` only.
  function showCards(result) {
    if (data) return showMatches(result);
    for (var w = 0; w < words; w++) {
      var changed = shown[w] ^ result[w];
      while (changed) {
        var bit = changed & -changed;
        items[(w << 5) + 31 - Math.clz32(bit)].hidden = !(result[w] & bit);
        changed ^= bit;
      }
      shown[w] = result[w];
    }
  }

  // Each value's count against the other groups' choices, and its pressed and disabled states.
  function updateControls(masks) {
    for (var g = 0; g < groups.length; g++) {
      var others = intersectGroups(g, masks, scratch);
      groups[g].values.forEach(function (value) {
        var n;
        if (external) {
          var key = value.param + ":" + value.slug;
          n = externalCounts ? externalCounts[key] || 0 : value.total;
        } else {
          n = others === all ? value.total : countAnd(others, value.bits);
        }
        if (n !== value.shownCount) {
          value.countNode.nodeValue = String(n);
          value.shownCount = n;
        }
        // A value that would give nothing stays visible but inert; a chosen one can always be undone.
        var available = n > 0 || value.selected;
        if (available !== value.available) {
          value.available = available;
          if (available) value.control.removeAttribute("aria-disabled");
          else value.control.setAttribute("aria-disabled", "true");
        }
        var pressed = value.selected ? "true" : "false";
        if (value.control.getAttribute("aria-pressed") !== pressed) value.control.setAttribute("aria-pressed", pressed);
      });
    }
  }

  // Applies the current selection to cards and controls. Returns the number of cards shown.
  function filter() {
    var masks = groupMasks();
    var result = intersectGroups(-1, masks, new Uint32Array(words));
    showCards(result);
    updateControls(masks);
    return count(result);
  }

  // ---------- The page around the list ----------

  function text(name) {
    return root.getAttribute("data-text-" + name) || "";
  }

  function format(template, n) {
    return template.replace("{n}", String(n));
  }

  var status = root.querySelector("[data-facets-status]");
  var resets = document.querySelectorAll("[data-facets-reset]");
  var empty = document.querySelector("[data-facets-empty]");
  var headingCount = document.querySelector("[data-facets-count]");
  var listHeading = list && list.querySelector("h2");
  // Folded filters (narrow screens) still say what is chosen, under their button.
  var chosenBox = root.querySelector("[data-facets-chosen]");
  var chosenList = chosenBox && chosenBox.querySelector("[data-facets-chosen-list]");
  // A paged listing shows and hides its own lists (showMatches).
  var cardList = list && !data ? list.querySelector("ul") : null;

  function anySelected() {
    for (var v = 0; v < values.length; v++) if (values[v].selected) return true;
    return false;
  }

  function render(announce) {
    var n = filter();
    var filtered = anySelected();
    if (headingCount) headingCount.textContent = "(" + n + ")";
    if (chosenList) {
      var names = [];
      values.forEach(function (value) {
        var name = value.selected && value.control.querySelector(".facet__name");
        if (name) names.push(name.textContent);
      });
      chosenList.textContent = names.join(", ");
      chosenBox.hidden = !names.length;
    }
    if (empty) empty.hidden = n > 0;
    if (cardList) cardList.hidden = n === 0;
    for (var r = 0; r < resets.length; r++) {
      if (!resets[r].closest("[data-facets-empty]")) resets[r].hidden = !filtered;
    }
    if (status && announce) {
      var message = n === 0 ? text("status-none") : filtered ? format(text("status"), n) : format(text("status-all"), n);
      // A repeated message would not be read again: vary it invisibly.
      if (status.textContent === message) message += "\u00a0";
      status.textContent = message;
    }
    return n;
  }

  // ---------- State <-> URL ----------

  function readURL() {
    var params = new URLSearchParams(location.search);
    values.forEach(function (value) { value.selected = false; });
    groups.forEach(function (group) {
      params.getAll(group.param).forEach(function (raw) {
        raw.split(",").forEach(function (slug) {
          var value = byKey[group.param + ":" + slug.trim()];
          if (value) value.selected = true;
        });
      });
    });
  }

  // The URL of the current state: other query parameters stay; ours in the order of the page.
  function stateURL() {
    var params = new URLSearchParams(location.search);
    groups.forEach(function (group) { params.delete(group.param); });
    values.forEach(function (value) { if (value.selected) params.append(value.param, value.slug); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  // The choices as { param: [slug, ...] }, only params with a choice.
  function selection() {
    var chosen = {};
    values.forEach(function (value) {
      if (value.selected) (chosen[value.param] = chosen[value.param] || []).push(value.slug);
    });
    return chosen;
  }

  function changed() {
    if (external) root.dispatchEvent(new CustomEvent("facetschange", { bubbles: true, detail: { selection: selection() } }));
  }

  function commit() {
    var url = stateURL();
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    render(true);
    changed();
  }

  // ---------- Enhance: links become toggle buttons ----------

  values.forEach(function (value) {
    var link = value.link;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.setAttribute("data-param", value.param);
    button.setAttribute("data-slug", value.slug);
    button.setAttribute("aria-pressed", "false");
    while (link.firstChild) button.appendChild(link.firstChild);
    link.parentNode.replaceChild(button, link);
    value.control = button;
    value.link = null;
    var countElement = button.querySelector(".facet__count");
    // The number is the first text node of the count; the unit after it stays as it is.
    var node = countElement && countElement.firstChild;
    if (!node || node.nodeType !== 3) {
      node = document.createTextNode("");
      if (countElement) countElement.insertBefore(node, countElement.firstChild);
    }
    value.countNode = node;
  });

  var help = root.querySelector("[data-facets-help]");
  if (help && text("help")) help.textContent = text("help");
  root.classList.add("facets--enhanced");

  root.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-slug]");
    if (!button || button.getAttribute("aria-disabled") === "true") return;
    var value = byKey[button.getAttribute("data-param") + ":" + button.getAttribute("data-slug")];
    if (!value) return;
    value.selected = !value.selected;
    commit();
  });

  Array.prototype.forEach.call(resets, function (reset) {
    reset.addEventListener("click", function () {
      values.forEach(function (value) { value.selected = false; });
      commit();
      // The button just pressed is hidden now: put focus where the next step starts.
      var inEmpty = reset.closest("[data-facets-empty]");
      var target = inEmpty && listHeading ? listHeading : values[0].control;
      if (target) {
        if (inEmpty && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
    });
  });

  window.addEventListener("popstate", function () {
    readURL();
    render(true);
    changed();
  });

  // First state: the URL's, normalised (unknown values dropped, stable order) without a new entry.
  readURL();
  var normal = stateURL();
  if (normal !== location.pathname + location.search + location.hash) history.replaceState(null, "", normal);
  render(anySelected());

  function choose(chosen) {
    values.forEach(function (value) {
      var slugs = chosen && chosen[value.param];
      value.selected = !!slugs && slugs.indexOf(value.slug) !== -1;
    });
  }

  // For benchmarks and other scripts: filter to { param: [slug, ...] } without touching history.
  window.kretslopp = window.kretslopp || {};
  window.kretslopp.filters = {
    cards: cardCount,
    values: values.length,
    initTime: performance.now() - started, // ms to read the cards and enhance the controls
    apply: function (chosen) {
      choose(chosen);
      return render(false);
    },
    // The search page's side: what is chosen, choosing as a reader would (history, event), and
    // the count each value gives ({ "param:slug": n }; null: the build's totals again).
    selection: selection,
    select: function (chosen) {
      choose(chosen);
      commit();
    },
    setCounts: function (counts) {
      externalCounts = counts;
      updateControls(groupMasks());
    }
  };
  }
})();
