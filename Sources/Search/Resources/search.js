/*
 * Kretslopp search engine. Reads the index that Sources/Search writes (IndexLayout.swift says
 * what each file holds) and answers `window.kretslopp.search(query, {filters, limit, offset})`.
 *
 * Every index file is a classic script that calls `window.__kretsloppSearch.register(name, data)`,
 * loaded by inserting a <script> tag next to this file: no fetch, modules or workers, so the same
 * code works from file:// and over HTTP. Query words are stemmed with the same Snowball algorithm
 * as the build (libstemmer 2.2; Swedish and English are ported below), folded the same way, and
 * ranked by the BM25 impacts stored with the postings. For a language stemmed by another Snowball
 * algorithm, the index lists the words of the site with their stems (`aliases` in meta.js) and
 * the engine looks a query word up there instead of stemming it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var api = (window.kretslopp = window.kretslopp || {});
  if (api.search || !script || !script.src) return;

  // The index sits next to this file; the site root is two folders up (assets/search/).
  var base = script.src.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
  var root = new URL("../../", base).href;

  // Weights of the ways a document can match a query word, relative to the word itself.
  var FOLDED = 0.7; // only without diacritics ("goteborg" for "G\u00f6teborg")
  var COMPOUND = 0.4; // as a part of a compound ("m\u00f6bel" in "m\u00f6belfl\u00f6den")
  var VARIANT = 0.9; // another stem of the same word (see `variants`)
  var PREFIX = 0.5; // a longer word the last query word begins, plus up to 0.4 by length
  var MAX_PREFIX_TERMS = 40;
  var MAX_PREFIX_SHARDS = 3;
  var EXCERPT_WORDS = 26;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;

  // ---------------------------------------------------------------------------------------
  // Loading index files

  var files = Object.create(null);
  var registry = (window.__kretsloppSearch = window.__kretsloppSearch || {});

  registry.register = function (name, data) {
    // The element that loaded the file knows its entry: after `forget`, a file asked for before
    // settles the old entry, never the new entry of the same name.
    var loader = document.currentScript;
    var entry = (loader && loader.kretsloppEntry) || files[name];
    if (!entry) {
      files[name] = { promise: Promise.resolve(data), done: true };
    } else if (!entry.done) {
      entry.done = true;
      entry.resolve(data);
    }
  };

  function load(name) {
    var entry = files[name];
    if (entry) return entry.promise;
    entry = files[name] = { done: false };
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    var element = document.createElement("script");
    element.src = base + name + ".js";
    element.async = true;
    element.kretsloppEntry = entry;
    var loaded = files;
    function failed() {
      element.remove();
      if (entry.done) return;
      if (loaded[name] === entry) delete loaded[name];
      entry.done = true;
      entry.reject(new Error("kretslopp search: could not load " + element.src));
    }
    element.onload = failed; // a loaded file has registered itself by now
    element.onerror = failed;
    (document.head || document.documentElement).appendChild(element);
    return entry.promise;
  }

  var metaPromise = null;
  // Words of the site -> their stems, from the alias entries of the shards loaded so far.
  var aliases = Object.create(null);
  var foldedAliases = Object.create(null); // the same without diacritics, for "hauser"
  var ALIAS = "=";

  function aliasStem(word) {
    if (word in aliases) return aliases[word];
    var folded = fold(word);
    return folded in foldedAliases ? foldedAliases[folded] : word;
  }

  // The preview (`kretslopp serve`) swaps in a new index after an edit and says so: the files
  // loaded so far are dropped, so the next query reads the new index whole, never a mix.
  registry.forget = function () {
    files = Object.create(null);
    metaPromise = null;
    aliases = Object.create(null);
    foldedAliases = Object.create(null);
  };

  function meta() {
    if (!metaPromise) {
      metaPromise = load("meta").then(prepareMeta, function (error) {
        metaPromise = null;
        throw error;
      });
    }
    return metaPromise;
  }

  function prepareMeta(data) {
    var ported = STEMMERS[data.stemmer];
    return {
      documents: data.documents,
      documentsPerFile: data.documentsPerFile,
      swedish: data.stemmer === "swedish",
      // The stem of a lower-cased word: a port of the build's algorithm, the index's own list of
      // the site's words (`aliases`), or the word itself when the language is not stemmed.
      stem: ported || (data.aliases ? aliasStem : function (word) { return word; }),
      aliases: !!data.aliases,
      fileLinks: !!data.fileLinks,
      impactScale: data.impactScale,
      shards: data.shards,
      facets: data.facets,
      shardCache: [],
    };
  }

  function shard(index, number) {
    if (index.shardCache[number]) return Promise.resolve(index.shardCache[number]);
    return load("t/" + number).then(function (flat) {
      var entries = [];
      for (var i = 0; i + 2 < flat.length; i += 3) {
        if (flat[i + 1] === ALIAS) {
          // A word of the site and its stem, not a term: [word, "=", stem].
          if (!(flat[i] in aliases)) aliases[flat[i]] = flat[i + 2];
          var folded = fold(flat[i]);
          if (!(folded in foldedAliases)) foldedAliases[folded] = flat[i + 2];
          continue;
        }
        entries.push({ stem: flat[i], key: fold(flat[i]), exact: flat[i + 1], compound: flat[i + 2] });
      }
      index.shardCache[number] = entries;
      return entries;
    });
  }

  // ---------------------------------------------------------------------------------------
  // Text: the same words, stems and folds as the build

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var HYPHENATED = /[\p{L}\p{M}\p{N}]+(?:[\-\u2010\u2011][\p{L}\p{M}\p{N}]+)*/gu;
  var ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function length(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) count++;
    }
    return count;
  }

  /** Query words, lower-cased; a hyphenated run is one word without its hyphens. */
  function queryWords(text) {
    var words = [];
    var matches = text.normalize("NFC").toLowerCase().match(HYPHENATED) || [];
    for (var i = 0; i < matches.length; i++) {
      var word = matches[i].replace(/[\-\u2010\u2011]/g, "");
      if (length(word) >= 2) words.push(word);
    }
    return words;
  }

  // Snowball Swedish (the algorithm of libstemmer 2.2): R1 begins after the first non-vowel that
  // follows a vowel, but not before the fourth letter; then the main suffix, a doubled consonant
  // and the other suffixes are removed from R1.
  var VOWELS = "aeiouy\u00e4\u00e5\u00f6";
  var S_ENDING = "bcdfghjklmnoprtvy";
  var MAIN_SUFFIXES = [
    "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en",
    "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es",
    "ades", "andes", "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast", "s",
  ].sort(function (x, y) { return y.length - x.length; });
  var CONSONANT_PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  var OTHER_SUFFIXES = ["fullt", "l\u00f6st", "lig", "els", "ig"];

  /** The longest of `suffixes` that `chars` ends with inside R1 (from `r1`), or null. */
  function suffixIn(chars, r1, suffixes) {
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      var start = chars.length - suffix.length;
      if (start < r1) continue;
      var k = 0;
      while (k < suffix.length && chars[start + k] === suffix[k]) k++;
      if (k === suffix.length) return suffix;
    }
    return null;
  }

  function swedishStem(word) {
    var chars = Array.from(word);
    var n = chars.length;
    var r1 = n;
    if (n >= 3) {
      var i = 0;
      while (i < n && VOWELS.indexOf(chars[i]) < 0) i++;
      var j = i + 1;
      while (j < n && VOWELS.indexOf(chars[j]) >= 0) j++;
      if (i < n && j < n) r1 = Math.max(j + 1, 3);
    }
    var suffix = suffixIn(chars, r1, MAIN_SUFFIXES);
    if (suffix === "s") {
      if (S_ENDING.indexOf(chars[n - 2]) >= 0) chars.length = n - 1;
    } else if (suffix) {
      chars.length = n - suffix.length;
    }
    if (suffixIn(chars, r1, CONSONANT_PAIRS)) chars.length -= 1;
    suffix = suffixIn(chars, r1, OTHER_SUFFIXES);
    if (suffix === "fullt" || suffix === "l\u00f6st") chars.length -= 1;
    else if (suffix) chars.length -= suffix.length;
    return chars.join("");
  }

  // Snowball English (Porter2, the algorithm of libstemmer 2.2), for sites in English.
  var EN_VOWELS = "aeiouy";
  var EN_DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
  var EN_VALID_LI = "cdeghkmnrt";
  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes",
  };
  var EN_AFTER_1A = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];
  var EN_STEP2 = [
    ["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"],
    ["alism", "al"], ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"],
    ["anci", "ance"], ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"],
    ["ogi", "og"], ["li", ""],
  ];
  var EN_STEP3 = [
    ["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ative", ""],
    ["ical", "ic"], ["ness", ""], ["ful", ""],
  ];
  var EN_STEP4 = [
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
    "ion", "al", "er", "ic",
  ];

  function englishStem(word) {
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTIONS, word)) return EN_EXCEPTIONS[word];
    var w = Array.from(word);
    if (w.length < 3) return word;
    if (w[0] === "'") w.shift();
    var isVowel = function (c) { return EN_VOWELS.indexOf(c) >= 0; };
    var yFound = false;
    if (w[0] === "y") { w[0] = "Y"; yFound = true; }
    for (var i = 1; i < w.length; i++) {
      if (w[i] === "y" && isVowel(w[i - 1])) { w[i] = "Y"; yFound = true; }
    }
    // R1 and R2: after the first non-vowel that follows a vowel (R1 after gener, commun, arsen).
    function region(from) {
      var k = from;
      while (k < w.length && !isVowel(w[k])) k++;
      while (k < w.length && isVowel(w[k])) k++;
      return Math.min(k + 1, w.length);
    }
    var prefix = /^(gener|commun|arsen)/.exec(w.join(""));
    var p1 = prefix ? prefix[0].length : region(0);
    var p2 = region(p1);
    function ends(s) {
      if (s.length > w.length) return false;
      for (var k = 0; k < s.length; k++) if (w[w.length - s.length + k] !== s[k]) return false;
      return true;
    }
    function replace(length, by) {
      w.length -= length;
      for (var k = 0; k < by.length; k++) w.push(by[k]);
    }
    function hasVowel(end) {
      for (var k = 0; k < end; k++) if (isVowel(w[k])) return true;
      return false;
    }
    // A short syllable ends at `end`: non-vowel, vowel, non-vowel other than w, x and Y; or a
    // vowel and a non-vowel that begin the word.
    function shortSyllable(end) {
      if (end >= 3 && "aeiouywxY".indexOf(w[end - 1]) < 0 && isVowel(w[end - 2]) && !isVowel(w[end - 3])) return true;
      return end === 2 && isVowel(w[0]) && !isVowel(w[1]);
    }

    // Step 0: apostrophes.
    if (ends("'s'")) w.length -= 3;
    else if (ends("'s")) w.length -= 2;
    else if (ends("'")) w.length -= 1;

    // Step 1a
    if (ends("sses")) replace(4, "ss");
    else if (ends("ied") || ends("ies")) replace(3, w.length > 4 ? "i" : "ie");
    else if (ends("us") || ends("ss")) { /* unchanged */ }
    else if (ends("s") && hasVowel(w.length - 2)) w.length -= 1;

    if (EN_AFTER_1A.indexOf(w.join("")) < 0) {
      // Step 1b
      var suffix = null;
      ["eedly", "ingly", "edly", "eed", "ing", "ed"].some(function (s) { return ends(s) && (suffix = s); });
      if (suffix === "eed" || suffix === "eedly") {
        if (w.length - suffix.length >= p1) replace(suffix.length, "ee");
      } else if (suffix && hasVowel(w.length - suffix.length)) {
        w.length -= suffix.length;
        if (ends("at") || ends("bl") || ends("iz")) w.push("e");
        else if (EN_DOUBLES.some(ends)) w.length -= 1;
        else if (w.length === p1 && shortSyllable(w.length)) w.push("e");
      }
      // Step 1c
      var n = w.length;
      if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !isVowel(w[n - 2])) w[n - 1] = "i";
      // Step 2
      steps(EN_STEP2, p1, function (from, to) {
        if (from === "ogi") return w[w.length - 4] === "l" ? to : null;
        if (from === "li") return EN_VALID_LI.indexOf(w[w.length - 3]) >= 0 ? to : null;
        return to;
      });
      // Step 3
      steps(EN_STEP3, p1, function (from, to) {
        return from === "ative" && w.length - 5 < p2 ? null : to;
      });
      // Step 4
      for (var s4 = 0; s4 < EN_STEP4.length; s4++) {
        var ending = EN_STEP4[s4];
        if (!ends(ending)) continue;
        var at = w.length - ending.length;
        if (at >= p2 && (ending !== "ion" || w[at - 1] === "s" || w[at - 1] === "t")) w.length = at;
        break;
      }
      // Step 5
      var last = w.length - 1;
      if (w[last] === "e" && (last >= p2 || (last >= p1 && !shortSyllable(last)))) w.length = last;
      else if (w[last] === "l" && last >= p2 && w[last - 1] === "l") w.length = last;
    }
    var result = w.join("");
    return yFound ? result.replace(/Y/g, "y") : result;

    /** The longest of `rules` the word ends with; replaced when it is in R1 and `accept` gives a replacement. */
    function steps(rules, region, accept) {
      for (var r = 0; r < rules.length; r++) {
        if (!ends(rules[r][0])) continue;
        if (w.length - rules[r][0].length < region) return;
        var by = accept(rules[r][0], rules[r][1]);
        if (by !== null) replace(rules[r][0].length, by);
        return;
      }
    }
  }

  var STEMMERS = { swedish: swedishStem, english: englishStem };

  function compare(left, right) {
    // Code point order, as the build sorts (UTF-8 bytes).
    var i = 0;
    var j = 0;
    while (i < left.length && j < right.length) {
      var x = left.codePointAt(i);
      var y = right.codePointAt(j);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return i < left.length ? 1 : j < right.length ? -1 : 0;
  }

  // ---------------------------------------------------------------------------------------
  // Postings

  /** A posting list as parallel arrays of documents and impacts; without `scale` the list has
   *  document gaps only (facet lists). */
  function decode(text, scale) {
    var documents = [];
    var impacts = [];
    var previous = -1;
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + (digit - 32);
        continue;
      }
      previous += value * 32 + digit + 1;
      value = 0;
      documents.push(previous);
      if (scale !== undefined) impacts.push(DIGIT[text.charCodeAt(++i)] / scale);
    }
    return { documents: documents, impacts: impacts };
  }

  function decodeDocuments(text) {
    return decode(text).documents;
  }

  function postings(entry, field, scale) {
    var cacheField = field + "Decoded";
    if (!entry[cacheField]) entry[cacheField] = decode(entry[field], scale);
    return entry[cacheField];
  }

  // ---------------------------------------------------------------------------------------
  // Searching

  function shardNumber(index, key) {
    var low = 0;
    var high = index.shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (compare(index.shards[middle], key) <= 0) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Loads the shards where the site's words that are query words are listed with their stems. */
  function lookUp(index, words) {
    var numbers = [];
    words.forEach(function (word) {
      var number = index.shards.length ? shardNumber(index, fold(word)) : -1;
      if (number >= 0 && numbers.indexOf(number) < 0) numbers.push(number);
    });
    return Promise.all(numbers.map(function (number) { return shard(index, number); }));
  }

  /** What each query word looks for: its folded stem, and for the word being typed a prefix. */
  function plan(index, query) {
    var words = queryWords(query);
    var typing = ENDS_IN_WORD.test(query);
    var terms = [];
    var seen = Object.create(null);
    words.forEach(function (word, position) {
      var stemmed = index.stem(word);
      var prefix = typing && position === words.length - 1 ? fold(word) : null;
      var id = fold(stemmed) + "\u0000" + (prefix || "");
      if (seen[id]) return;
      seen[id] = true;
      terms.push({
        word: word,
        stem: stemmed,
        key: fold(stemmed),
        // A listed word can itself be the stem of other words: those are found too.
        variants: index.swedish ? variants(stemmed).map(fold) : index.aliases && stemmed !== word ? [fold(word)] : [],
        prefix: prefix,
      });
    });
    return terms;
  }

  /**
   * Other stems of the same Swedish word where Snowball splits it: nouns that drop an `e` when
   * inflected (`m\u00f6bel` -> `m\u00f6bl` of `m\u00f6bler`, `cykel` -> `cykl` of `cyklar`) and back.
   */
  function variants(stemmed) {
    var match = /([^aeiouy\u00e4\u00e5\u00f6])e([lnr])$/.exec(stemmed);
    if (match) return [stemmed.slice(0, -2) + match[2]];
    match = /[^aeiouy\u00e4\u00e5\u00f6]([lnr])$/.exec(stemmed);
    if (match && length(stemmed) >= 4) return [stemmed.slice(0, -1) + "e" + match[1]];
    return [];
  }

  function shardsFor(index, term) {
    var numbers = [];
    if (index.shards.length === 0) return numbers;
    [term.key].concat(term.variants).forEach(function (key) {
      var number = shardNumber(index, key);
      if (numbers.indexOf(number) < 0) numbers.push(number);
    });
    if (term.prefix) {
      var first = shardNumber(index, term.prefix);
      for (var n = first; n < index.shards.length && n < first + MAX_PREFIX_SHARDS; n++) {
        if (n > first && index.shards[n].indexOf(term.prefix) !== 0) break;
        if (numbers.indexOf(n) < 0) numbers.push(n);
      }
    }
    return numbers;
  }

  /** The shard entries a term matches, each with the weight of that way of matching. */
  function matches(term, entries) {
    var found = [];
    var prefixed = [];
    entries.forEach(function (entry) {
      if (entry.key === term.key) {
        found.push({ entry: entry, weight: entry.stem === term.stem ? 1 : FOLDED, whole: true });
      } else if (term.variants.indexOf(entry.key) >= 0) {
        found.push({ entry: entry, weight: VARIANT, whole: true });
      } else if (term.prefix && entry.key.indexOf(term.prefix) === 0) {
        var weight = PREFIX + (0.4 * length(term.prefix)) / length(entry.key);
        if (entry.stem.indexOf(term.word) !== 0) weight *= FOLDED;
        prefixed.push({ entry: entry, weight: weight, whole: false });
      }
    });
    // Many completions of a short prefix: keep those in most documents.
    prefixed.sort(function (x, y) { return y.entry.exact.length - x.entry.exact.length; });
    return found.concat(prefixed.slice(0, MAX_PREFIX_TERMS));
  }

  function idf(total, count) {
    return Math.log(1 + (total - count + 0.5) / (count + 0.5));
  }

  /**
   * Best score of one query word in each document (0: no match), and whether the document has
   * the word itself (`whole`), not only a longer word it begins or a compound it is part of.
   * All the ways the word matches share one idf, from the documents matched in any way, so a
   * rare completion does not outweigh the common word the user typed.
   */
  function scoreTerm(index, term, entries) {
    var total = index.documents;
    var scores = new Float64Array(total);
    var whole = new Uint8Array(total);
    var count = 0;
    function add(list, weight, isWhole) {
      var documents = list.documents;
      var impacts = list.impacts;
      for (var i = 0; i < documents.length; i++) {
        var document = documents[i];
        var score = impacts[i] * weight;
        var previous = scores[document];
        if (previous === 0) count++;
        if (score > previous) scores[document] = score;
        if (isWhole) whole[document] = 1;
      }
    }
    matches(term, entries).forEach(function (match) {
      add(postings(match.entry, "exact", index.impactScale), match.weight, match.whole);
      add(postings(match.entry, "compound", index.impactScale), match.weight * COMPOUND, false);
    });
    var weight = idf(total, count);
    for (var d = 0; d < total; d++) scores[d] *= weight;
    return { scores: scores, whole: whole };
  }

  /** Documents allowed by `{param: [slug, ...]}`: any slug of a param, every param. Null: all. */
  function allowed(index, filters) {
    var params = Object.keys(filters || {}).filter(function (param) {
      return Array.isArray(filters[param]) && filters[param].length > 0;
    });
    if (params.length === 0) return Promise.resolve(null);
    return Promise.all(
      params.map(function (param) {
        var number = index.facets.indexOf(param);
        return number < 0 ? Promise.resolve({}) : load("f/" + number);
      })
    ).then(function (facetFiles) {
      var passed = new Uint8Array(index.documents);
      facetFiles.forEach(function (values, position) {
        var inParam = new Uint8Array(index.documents);
        filters[params[position]].forEach(function (slug) {
          if (Object.prototype.hasOwnProperty.call(values, slug)) {
            decodeDocuments(values[slug]).forEach(function (document) { inParam[document] = 1; });
          }
        });
        for (var d = 0; d < passed.length; d++) passed[d] += inParam[d];
      });
      for (var d = 0; d < passed.length; d++) passed[d] = passed[d] === params.length ? 1 : 0;
      return passed;
    });
  }

  /**
   * Ranked documents: those with all words, else (`partial`) those with most words; then those
   * with more of the words themselves (above longer words and compounds); then by score.
   */
  function rank(index, terms, shardEntries, passed) {
    var total = index.documents;
    var score = new Float64Array(total);
    var matched = new Uint8Array(total);
    var wholeWords = new Uint8Array(total);
    terms.forEach(function (term, position) {
      var termScore = scoreTerm(index, term, shardEntries[position]);
      for (var d = 0; d < total; d++) {
        if (termScore.scores[d] > 0) {
          score[d] += termScore.scores[d];
          matched[d] += 1;
          wholeWords[d] += termScore.whole[d];
        }
      }
    });
    var all = [];
    var some = [];
    for (var d = 0; d < total; d++) {
      if (matched[d] === 0 || (passed && !passed[d])) continue;
      (matched[d] === terms.length ? all : some).push(d);
    }
    var partial = all.length === 0 && some.length > 0;
    var ranked = partial ? some : all;
    function better(x, y) {
      return matched[y] - matched[x] || wholeWords[y] - wholeWords[x] || score[y] - score[x] || x - y;
    }
    return { documents: ranked, order: better, score: score, partial: partial };
  }

  /** The first `count` documents in `order`, without sorting them all. */
  function best(documents, order, count) {
    if (documents.length <= count * 4) return documents.slice().sort(order).slice(0, count);
    var top = documents.slice(0, count).sort(order);
    for (var i = count; i < documents.length; i++) {
      var document = documents[i];
      if (order(document, top[count - 1]) >= 0) continue;
      var at = count - 1;
      while (at > 0 && order(document, top[at - 1]) < 0) at--;
      top.splice(at, 0, document);
      top.pop();
    }
    return top;
  }

  // ---------------------------------------------------------------------------------------
  // Results

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Folded form and folded stem of words seen in excerpts, kept across queries (typing repeats them).
  var wordKeys = new Map();

  function keysOf(index, word) {
    var keys = wordKeys.get(word);
    if (keys === undefined) {
      var lower = word.normalize("NFC").toLowerCase();
      keys = length(lower) < 2 ? null : { folded: fold(lower), key: fold(index.stem(lower)) };
      if (wordKeys.size > 50000) wordKeys.clear();
      wordKeys.set(word, keys);
    }
    return keys;
  }

  /** Which query term a text word matches, or -1. */
  function hit(index, terms, word) {
    var keys = keysOf(index, word);
    if (keys === null) return -1;
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      if (keys.key === term.key || term.variants.indexOf(keys.key) >= 0) return t;
      if (term.prefix && keys.folded.indexOf(term.prefix) === 0) return t;
      var folded = keys.folded;
      if (term.key.length >= 3 && folded.length > term.key.length && folded.indexOf(term.key) >= 0) return t;
    }
    return -1;
  }

  /** About EXCERPT_WORDS words around the most query words, as HTML with <mark>ed hits. */
  function excerpt(index, terms, text) {
    var words = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      words.push({ start: match.index, end: match.index + match[0].length, term: hit(index, terms, match[0]) });
    }
    if (words.length === 0) return "";
    // Counts of each term's hits before each word, so every candidate window is scored in
    // O(terms) instead of walking its words.
    var before = terms.map(function () { return new Uint16Array(words.length + 1); });
    for (var w = 0; w < words.length; w++) {
      for (var t = 0; t < terms.length; t++) before[t][w + 1] = before[t][w] + (words[w].term === t ? 1 : 0);
    }
    var best = 0;
    var bestDistinct = -1;
    var bestHits = -1;
    for (var position = 0; position < words.length; position++) {
      if (words[position].term < 0) continue;
      var start = Math.max(0, position - 4);
      var stop = Math.min(words.length, start + EXCERPT_WORDS);
      var distinct = 0;
      var hits = 0;
      for (var u = 0; u < terms.length; u++) {
        var inWindow = before[u][stop] - before[u][start];
        if (inWindow > 0) distinct++;
        hits += inWindow;
      }
      if (distinct > bestDistinct || (distinct === bestDistinct && hits > bestHits)) {
        best = start;
        bestDistinct = distinct;
        bestHits = hits;
      }
    }
    var end = Math.min(words.length, best + EXCERPT_WORDS);
    var html = best > 0 ? "\u2026 " : "";
    var cursor = words[best].start;
    for (var i = best; i < end; i++) {
      var word = words[i];
      html += escapeHTML(text.slice(cursor, word.start));
      var piece = escapeHTML(text.slice(word.start, word.end));
      html += word.term >= 0 ? "<mark>" + piece + "</mark>" : piece;
      cursor = word.end;
    }
    var last = words[end - 1].end;
    // Keep the punctuation that ends the excerpt's last sentence.
    var tail = /^[.!?:;)\]\u201d"']*/.exec(text.slice(last))[0];
    html += escapeHTML(tail);
    if (end < words.length) html += " \u2026";
    return html;
  }

  /** The link to a site path (`/projects/x/`) from the current page, relative. */
  function link(index, path) {
    var target = new URL(path.replace(/^\/+/, ""), root);
    if ((index.fileLinks || location.protocol === "file:") && /\/$/.test(target.pathname)) {
      target.pathname += "index.html";
    }
    var here = new URL(location.href);
    if (target.protocol !== here.protocol || target.host !== here.host) return target.href;
    var from = here.pathname.split("/");
    from.pop();
    var to = target.pathname.split("/");
    var file = to.pop();
    var common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    var parts = [];
    for (var up = common; up < from.length; up++) parts.push("..");
    parts = parts.concat(to.slice(common));
    parts.push(file);
    var relative = parts.join("/");
    return (relative === "" ? "./" : relative) + target.search + target.hash;
  }

  function results(index, terms, ranked, limit, offset) {
    var shown = ranked.order
      ? best(ranked.documents, ranked.order, offset + limit).slice(offset)
      : ranked.documents.slice(offset, offset + limit);
    return Promise.all(
      shown.map(function (number) {
        return load("d/" + Math.floor(number / index.documentsPerFile)).then(function (group) {
          return group[number % index.documentsPerFile];
        });
      })
    ).then(function (documents) {
      var list = documents.map(function (document, position) {
        var text = document.s ? document.s + " " + document.x : document.x;
        return {
          url: link(index, document.p),
          path: document.p,
          title: document.t,
          excerpt: terms.length
            ? excerpt(index, terms, text)
            : escapeHTML(text.split(/\s+/).slice(0, EXCERPT_WORDS).join(" ")),
          score: Math.round(ranked.score[shown[position]] * 1000) / 1000,
        };
      });
      list.total = ranked.documents.length;
      list.partial = ranked.partial;
      return list;
    });
  }

  /**
   * Searches the site. Resolves to `[{url, title, excerpt, score, path}]`, best first, with
   * `total` (matches before `limit`) and `partial` (true when no page has every word, so the
   * pages with most of them are shown). `filters`: `{param: [slug, ...]}`, any slug of a param and
   * every param (`{tagg: ["cirkular"]}`). An empty query with filters lists the filtered pages.
   */
  function search(query, options) {
    options = options || {};
    var limit = options.limit > 0 ? options.limit : 20;
    var offset = options.offset > 0 ? options.offset : 0;
    return meta().then(function (index) {
      return index.aliases ? lookUp(index, queryWords(String(query || ""))).then(function () { return index; }) : index;
    }).then(function (index) {
      var terms = plan(index, String(query || ""));
      var shardLists = terms.map(function (term) { return shardsFor(index, term); });
      return Promise.all([
        allowed(index, options.filters),
        Promise.all(
          shardLists.map(function (numbers) {
            return Promise.all(numbers.map(function (number) { return shard(index, number); })).then(function (lists) {
              return [].concat.apply([], lists);
            });
          })
        ),
      ]).then(function (loaded) {
        var passed = loaded[0];
        var ranked;
        if (terms.length > 0) {
          ranked = rank(index, terms, loaded[1], passed);
        } else {
          ranked = { documents: [], score: new Float64Array(index.documents), partial: false };
          if (passed) for (var d = 0; d < index.documents; d++) if (passed[d]) ranked.documents.push(d);
        }
        return results(index, terms, ranked, limit, offset);
      });
    });
  }

  api.search = search;
  Object.defineProperty(api, "searchReady", {
    configurable: true,
    enumerable: true,
    // Reading it starts loading the index metadata (a few kB), so a search box can warm up on focus.
    get: function () {
      return meta().then(function () { return true; });
    },
  });

  // For the engine's own tests: the same stems and folds as the build.
  registry.stem = swedishStem;
  registry.stemmers = STEMMERS;
  registry.fold = fold;
  registry.words = queryWords;
})();
