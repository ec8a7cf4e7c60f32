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
  var SPLIT = 0.35; // a query compound whose parts the page has apart ("forum ... f\u00f6retag")
  var MAX_PREFIX_TERMS = 40;
  var MAX_PREFIX_SHARDS = 3;
  var MAX_NAME_KEYS = 8;
  var NAME_IMPACT = 63; // the impact of a name's postings (NameKeys.nameImpact); a heading's is less
  // A query word the site does not have, in no form, is looked up with up to TYPO_EDITS edits
  // (letters added, left out, changed or swapped) among the keys of its own shards: one from
  // TYPO_ONE letters, two from TYPO_TWO; only the nearest keys count, as its variants.
  var TYPO_ONE = 5;
  var TYPO_TWO = 9;
  var EXCERPT_WORDS = 26;
  var SUB_RESULTS = 3;
  // Query compounds are split into parts of at least MIN_PART letters, loading at most
  // MAX_SPLIT_SHARDS more shards per word to find out which parts the site has.
  var MIN_SPLIT_WORD = 6;
  var MIN_PART = 3;
  var MAX_SPLIT_SHARDS = 3;
  // Languages that write compounds as one word (CompoundSplitter.compoundingLanguages).
  var COMPOUNDING = ["sv", "da", "no", "nb", "nn", "is", "fo", "de", "nl", "af", "fy", "lb", "fi", "et", "hu"];
  // Short Swedish function words that are never parts (CompoundSplitter.swedishFunctionWords).
  var FUNCTION_WORDS = (
    "och att det den som med f\u00f6r till har kan var men inte ett fr\u00e5n eller denna detta dessa alla " +
    "sina sitt sin hon han vid mot d\u00e4r h\u00e4r n\u00e4r hur vad dem man mer nya"
  ).split(" ");
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
    var language = String(data.language || "").toLowerCase().split(/[-_]/)[0];
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
      // Version 2: labels of the kinds of documents by number, synonym groups of the glossary.
      kinds: data.kinds || [],
      synonyms: data.synonyms || [],
      splits: !!ported && COMPOUNDING.indexOf(language) >= 0,
      ported: !!ported,
      shardCache: [],
      // Name entries of the shards loaded so far: folded name key ("kinnarp ") -> entry.
      names: Object.create(null),
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
        if (flat[i].indexOf(" ") >= 0) {
          // A name of documents, not a word: the stems of its words, each followed by a space.
          index.names[fold(flat[i])] = { exact: flat[i + 1] };
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
  // Chinese characters and kana, Thai, Lao, Myanmar and Khmer (WordCharacters.isIdeographic): their
  // text has no spaces between words, so a run of them is read as each pair of neighbours, a lone
  // one as itself.
  var IDEOGRAPH =
    "[\\u0e01-\\u0e2e\\u0e30-\\u0e3a\\u0e40-\\u0e4e\\u0e50-\\u0e59\\u0e80-\\u0eff\\u1000-\\u109f" +
    "\\u1780-\\u17d3\\u17d7\\u17dc-\\u17ff\\u3005\\u3007\\u3021-\\u3029\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{2fa1f}\\u{30000}-\\u{3134f}]";
  var IDEOGRAPHIC = new RegExp(IDEOGRAPH + "+", "gu");
  var HAS_IDEOGRAPH = new RegExp(IDEOGRAPH, "u");
  var ONE_IDEOGRAPH = new RegExp("^" + IDEOGRAPH + "$", "u");
  // Marks that end a sentence or clause in Chinese and Japanese (full and half width).
  var CLAUSE_END = /[\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f\uff61\uff64.!?,;:]/;

  /**
   * Calls `each(text, start, end, paired)` for the pieces of a word (a match of WORD or
   * HYPHENATED) starting at `offset`: each run of other letters whole, each ideograph alone;
   * `text` of an ideograph is it and its next neighbour in the run (`paired`), the index's word.
   */
  function pieces(word, offset, each) {
    IDEOGRAPHIC.lastIndex = 0;
    var at = 0;
    var run;
    while ((run = IDEOGRAPHIC.exec(word))) {
      if (run.index > at) each(word.slice(at, run.index), offset + at, offset + run.index, false);
      var chars = Array.from(run[0]);
      var start = offset + run.index;
      for (var c = 0; c < chars.length; c++) {
        var paired = c + 1 < chars.length;
        each(paired ? chars[c] + chars[c + 1] : chars[c], start, start + chars[c].length, paired);
        start += chars[c].length;
      }
      at = run.index + run[0].length;
    }
    if (at < word.length) each(at === 0 ? word : word.slice(at), offset + at, offset + word.length, false);
  }

  /** Whether a query word is one ideograph: it is looked for as the start of the index's pairs. */
  function isOneIdeograph(word) {
    return ONE_IDEOGRAPH.test(word);
  }

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
      // A run of ideographs gives its pairs; its last one is in the pair before it, a lone one is a word.
      var inRun = false;
      pieces(matches[i], 0, function (piece, start, end, paired) {
        if (paired || isOneIdeograph(piece)) {
          if (paired || !inRun) words.push(piece);
          inRun = paired;
          return;
        }
        inRun = false;
        var word = piece.replace(/[\-\u2010\u2011]/g, "");
        if (length(word) >= 2) words.push(word);
      });
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
      var prefix = (typing && position === words.length - 1) || isOneIdeograph(word) ? fold(word) : null;
      var term = wordTerm(index, word, prefix);
      var id = term.key + "\u0000" + (prefix || "");
      if (seen[id]) return;
      seen[id] = true;
      terms.push(term);
    });
    return terms;
  }

  function wordTerm(index, word, prefix) {
    var stemmed = index.stem(word);
    var key = fold(stemmed);
    var others = [];
    if (index.swedish) others = variants(stemmed);
    if (index.ported) {
      // Snowball is not idempotent: the stem of an inflected form can be stemmed again to the stem
      // of the base form ("livscykelanalyser" -> "livscykelanalys" -> "livscykelanaly"), and a word
      // typed without diacritics can lose an ending the word with them keeps ("cirkular" ->
      // "cirkul", but "cirkul\u00e4r" stays): both are other stems of the same word.
      others.push(index.stem(stemmed), word);
    } else if (index.aliases && stemmed !== word) {
      // A listed word can itself be the stem of other words: those are found too.
      others.push(word);
    }
    var folded = [];
    others.forEach(function (other) {
      var otherKey = fold(other);
      if (otherKey !== key && length(otherKey) >= 2 && folded.indexOf(otherKey) < 0) folded.push(otherKey);
    });
    return {
      word: word,
      stem: stemmed,
      key: key,
      variants: folded,
      prefix: prefix,
      split: null, // [head, tail] terms when the word is a compound whose parts the site has
      corrections: [], // keys within a typo's reach, for a word the site does not have (see `correct`)
    };
  }

  /**
   * The query's name keys: the stems of its words, each followed by a space, folded ("kinnarp "),
   * and the same with a word's other stems or typo corrections (at most MAX_NAME_KEYS in all).
   */
  function nameKeys(index, query, terms) {
    var words = queryWords(query);
    if (words.length === 0) return [];
    var keys = [""];
    words.forEach(function (word) {
      var term = wordTerm(index, word, null);
      var own = terms.filter(function (t) { return t.word === word; })[0];
      var choices = [term.key].concat(term.variants, own ? own.corrections : []);
      var next = [];
      keys.forEach(function (key) {
        choices.forEach(function (choice) {
          if (next.length < MAX_NAME_KEYS) next.push(key + choice + " ");
        });
      });
      keys = next;
    });
    return keys.filter(function (key, i) { return keys.indexOf(key) === i; });
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
      var names = term.prefix + " ";
      for (var n = first; n < index.shards.length && n < first + MAX_PREFIX_SHARDS; n++) {
        if (n > first && index.shards[n].indexOf(term.prefix) !== 0) break;
        // A shard from one name that begins with the word to another ("aterbruk av kylsystem "
        // to "aterbruk praktik ") holds only such names, never a completion: the query's own
        // names are loaded as names. Those shards were a fifth of the bytes of "återbruk".
        var onlyNames = n > first && n + 1 < index.shards.length &&
          index.shards[n].indexOf(names) === 0 && index.shards[n + 1].indexOf(names) === 0;
        if (!onlyNames && numbers.indexOf(n) < 0) numbers.push(n);
      }
    }
    return numbers;
  }

  // ---------------------------------------------------------------------------------------
  // Query compounds: "f\u00f6retagsforum" also finds a page that says "forum d\u00e4r f\u00f6retag"

  /** The ways to cut a query word into head and tail (a linking `s` dropped), longest head first. */
  function splitCandidates(index, term) {
    if (!index.splits || !/^\p{L}+$/u.test(term.word)) return [];
    var letters = Array.from(term.word);
    if (letters.length < MIN_SPLIT_WORD) return [];
    // A word the site has is cut into longer parts only: "upphandling" is not "upp" + "handling".
    var shortest = known(index, term) ? MIN_PART + 1 : MIN_PART;
    var found = [];
    for (var end = letters.length - shortest; end >= shortest; end--) {
      var head = letters.slice(0, end).join("");
      if (FUNCTION_WORDS.indexOf(head) >= 0) continue;
      var starts = [end];
      var linked = letters[end] === "s" && letters[end - 1] !== "s" && letters.length - end - 1 >= shortest;
      if (linked) starts.push(end + 1);
      for (var i = 0; i < starts.length; i++) {
        var tail = letters.slice(starts[i]).join("");
        if (FUNCTION_WORDS.indexOf(tail) >= 0) continue;
        found.push([wordTerm(index, head, null), wordTerm(index, tail, null)]);
      }
    }
    return found;
  }

  /** Whether the loaded shards list a part as a word of the site (not only inside compounds). */
  function known(index, part) {
    return [part.key].concat(part.variants).some(function (key) {
      var entries = index.shardCache[shardNumber(index, key)] || [];
      return entries.some(function (entry) { return entry.key === key && entry.exact.length > 0; });
    });
  }

  function keyShards(index, part) {
    var numbers = [];
    [part.key].concat(part.variants).forEach(function (key) {
      var number = shardNumber(index, key);
      if (numbers.indexOf(number) < 0) numbers.push(number);
    });
    return numbers;
  }

  /**
   * Sets `term.split` to the first cut (longest head) whose head and tail are both words of the
   * site. Heads share the word's first letters, so their shards are mostly the word's own; heads
   * and tails cost at most MAX_SPLIT_SHARDS more shards. Which shards may be read depends only on
   * the query, never on what earlier queries loaded, so a query gives the same results every time.
   */
  function splitTerm(index, term) {
    var candidates = splitCandidates(index, term);
    if (candidates.length === 0 || index.shards.length === 0) return Promise.resolve();
    var allowed = shardsFor(index, term).slice();
    var budget = MAX_SPLIT_SHARDS;
    function allow(part) {
      keyShards(index, part).forEach(function (number) {
        if (allowed.indexOf(number) < 0 && budget > 0) {
          allowed.push(number);
          budget--;
        }
      });
    }
    function usable(part) {
      var inAllowed = keyShards(index, part).every(function (number) { return allowed.indexOf(number) >= 0; });
      return inAllowed && known(index, part);
    }
    candidates.forEach(function (candidate) { allow(candidate[0]); });
    return loadShards(index, allowed).then(function () {
      var withHead = candidates.filter(function (candidate) { return usable(candidate[0]); });
      withHead.forEach(function (candidate) { allow(candidate[1]); });
      return loadShards(index, allowed).then(function () {
        for (var i = 0; i < withHead.length; i++) {
          if (usable(withHead[i][1])) {
            term.split = withHead[i];
            return;
          }
        }
      });
    });
  }

  /**
   * For a word the site has in no form (no key, variant or completion matches in its shards):
   * the keys of those shards nearest to it within the typo's reach become its variants.
   */
  function correct(index, term, numbers) {
    // A split counts: "trafikverkt" splits into "trafik" and "verkt" but means "trafikverket".
    if (/\d/.test(term.key)) return;
    var size = length(term.key);
    var reach = size >= TYPO_TWO ? 2 : size >= TYPO_ONE ? 1 : 0;
    if (reach === 0) return;
    var entries = [].concat.apply([], numbers.map(function (n) { return index.shardCache[n] || []; }));
    if (matches(term, entries).length > 0) return;
    var found = index.ported ? wordCorrections(index, term, entries) : [];
    if (found.length === 0) found = nearestKeys(term, entries, reach);
    term.corrections = found;
    term.variants = term.variants.concat(found);
  }

  /**
   * The keys of the shard entries that the stems of the words one edit from the query word are:
   * a typo in an ending changes the stem more than the word ("upphandlingsmyndigeten" stems to
   * "upphandlingsmyndiget", "upphandlingsmyndigheten" to "upphandlingsmynd"). Letters are those
   * of the entries' stems.
   */
  function wordCorrections(index, term, entries) {
    var keys = new Set();
    var letters = new Set();
    entries.forEach(function (entry) {
      keys.add(entry.key);
      for (var c = 0; c < entry.stem.length; c++) letters.add(entry.stem[c]);
    });
    letters = Array.from(letters).filter(function (letter) { return /\p{L}/u.test(letter); });
    var word = term.word;
    var found = [];
    function tryWord(candidate) {
      var key = fold(index.stem(candidate));
      if (keys.has(key) && found.indexOf(key) < 0) found.push(key);
    }
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i);
      var tail = word.slice(i);
      if (i < word.length) tryWord(head + tail.slice(1));
      if (i + 1 < word.length) tryWord(head + tail[1] + tail[0] + tail.slice(2));
      for (var l = 0; l < letters.length; l++) {
        tryWord(head + letters[l] + tail);
        if (i < word.length && letters[l] !== tail[0]) tryWord(head + letters[l] + tail.slice(1));
      }
    }
    return found.sort(compare);
  }

  /** The keys nearest to the term's key, at most `reach` edits away. */
  function nearestKeys(term, entries, reach) {
    var best = reach + 1;
    var found = [];
    entries.forEach(function (entry) {
      var distance = editDistance(term.key, entry.key, Math.min(reach, best));
      if (distance > reach || distance > best) return;
      if (distance < best) {
        best = distance;
        found = [];
      }
      if (found.indexOf(entry.key) < 0) found.push(entry.key);
    });
    return found;
  }

  /** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; limit + 1 when more. */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        row.push(value);
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      previous2 = previous;
      previous = row;
    }
    return previous[b.length];
  }

  function loadShards(index, numbers) {
    return Promise.all(numbers.map(function (number) { return shard(index, number); }));
  }

  /** Each document's best impact for a part (0: none), its word itself or a variant. */
  function partImpacts(index, part, best) {
    best.fill(0);
    keyShards(index, part).forEach(function (number) {
      matches(part, index.shardCache[number] || []).forEach(function (match) {
        var list = postings(match.entry, "exact", index.impactScale);
        for (var i = 0; i < list.documents.length; i++) {
          var score = list.impacts[i] * match.weight;
          if (score > best[list.documents[i]]) best[list.documents[i]] = score;
        }
      });
    });
    return best;
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
   * Best score of one query word in each document (0: no match) before its idf (`weight`), and
   * whether the document has the word itself (`whole`), not only a longer word it begins or a
   * compound it is part of.
   * All the ways the word matches share one idf, from the documents matched in any way, so a
   * rare completion does not outweigh the common word the user typed.
   */
  /**
   * Work arrays of one document count in `pool`, one per name of `shape` (its array type), reused
   * by every query: a new one per query word made the garbage collector busy. A pool is filled
   * and read within one synchronous call; a new document count gets new arrays, so a result
   * keeps the ones it was ranked with.
   */
  function reusedArrays(pool, total, shape) {
    if (pool.documents !== total) {
      pool.documents = total;
      for (var name in shape) pool[name] = new shape[name](total);
    }
    return pool;
  }

  // Filled and read within one call of `scoreTerm`.
  var scratch = { documents: -1 };
  var SCRATCH_SHAPE = { scores: Float64Array, whole: Uint8Array, head: Float64Array, tail: Float64Array };

  function scoreTerm(index, term, entries) {
    var total = index.documents;
    var work = reusedArrays(scratch, total, SCRATCH_SHAPE);
    var scores = work.scores.fill(0);
    var whole = work.whole.fill(0);
    var count = 0;
    // A word's own postings and those of the compounds it is part of count together: a page
    // with "j\u00e4rnv\u00e4g" and "j\u00e4rnv\u00e4gsprojekt" is more about it than one with the word once.
    function add(exact, compound, weight, isWhole) {
      var exactDocuments = exact.documents;
      var exactImpacts = exact.impacts;
      var compoundDocuments = compound.documents;
      var compoundImpacts = compound.impacts;
      var n = exactDocuments.length;
      var m = compoundDocuments.length;
      var compoundWeight = weight * COMPOUND;
      var i = 0;
      var j = 0;
      while (i < n || j < m) {
        var document;
        var score;
        var wholeHere = isWhole;
        if (j >= m || (i < n && exactDocuments[i] < compoundDocuments[j])) {
          document = exactDocuments[i];
          score = exactImpacts[i++] * weight;
        } else if (i >= n || compoundDocuments[j] < exactDocuments[i]) {
          document = compoundDocuments[j];
          score = compoundImpacts[j++] * compoundWeight;
          wholeHere = false;
        } else {
          document = exactDocuments[i];
          score = exactImpacts[i++] * weight + compoundImpacts[j++] * compoundWeight;
        }
        var previous = scores[document];
        if (previous === 0) count++;
        if (score > previous) scores[document] = score;
        if (wholeHere) whole[document] = 1;
      }
    }
    matches(term, entries).forEach(function (match) {
      add(
        postings(match.entry, "exact", index.impactScale),
        postings(match.entry, "compound", index.impactScale),
        match.weight,
        match.whole
      );
    });
    if (term.split) {
      // A document with every part of the compound, below one with the compound or a part of it.
      var head = partImpacts(index, term.split[0], work.head);
      var tail = partImpacts(index, term.split[1], work.tail);
      for (var p = 0; p < total; p++) {
        if (head[p] === 0 || tail[p] === 0) continue;
        var score = ((head[p] + tail[p]) / 2) * SPLIT;
        if (scores[p] === 0) count++;
        if (score > scores[p]) scores[p] = score;
      }
    }
    // The caller multiplies by the idf as it adds the scores up: one pass less over the documents.
    return { scores: scores, whole: whole, weight: idf(total, count) };
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
   * The documents to rank: those with all words, else (`partial`) those with most words; with
   * what `best` orders them by.
   */
  function rank(index, terms, shardEntries, passed, names) {
    var total = index.documents;
    var work = reusedArrays(ranking, total, RANKING_SHAPE);
    var score = work.score.fill(0);
    var matched = work.matched.fill(0);
    var wholeWords = work.wholeWords.fill(0);
    // Documents one of whose names is the query (stem by stem): an organisation, a glossary term
    // (2); pages one of whose headings is the query (1, impact NAME_IMPACT / 2).
    var named = work.named.fill(0);
    names.forEach(function (name) {
      if (!index.names[name]) return;
      var list = postings(index.names[name], "exact", 1);
      for (var i = 0; i < list.documents.length; i++) {
        var tier = list.impacts[i] >= NAME_IMPACT ? 2 : 1;
        if (tier > named[list.documents[i]]) named[list.documents[i]] = tier;
      }
    });
    terms.forEach(function (term, position) {
      var termScore = scoreTerm(index, term, shardEntries[position]);
      var scores = termScore.scores;
      var whole = termScore.whole;
      var weight = termScore.weight;
      for (var d = 0; d < total; d++) {
        var termValue = scores[d];
        if (termValue > 0) {
          score[d] += termValue * weight;
          matched[d] += 1;
          wholeWords[d] += whole[d];
        }
      }
    });
    var all = [];
    var some = [];
    var count = terms.length;
    for (var d = 0; d < total; d++) {
      var words = matched[d];
      if (words === 0 || (passed && !passed[d])) continue;
      if (words === count) all.push(d);
      else some.push(d);
    }
    var partial = all.length === 0 && some.length > 0;
    return {
      documents: partial ? some : all,
      matched: matched,
      named: named,
      wholeWords: wholeWords,
      score: score,
      partial: partial,
    };
  }

  // Filled and read within one synchronous run of `rank` and `best`; results keep the scores
  // they show.
  var ranking = { documents: -1 };
  var RANKING_SHAPE = { score: Float64Array, matched: Uint8Array, wholeWords: Uint8Array, named: Uint8Array };

  /**
   * The first `count` ranked documents, without sorting them all: those with more of the words
   * first, then named ones, then those with more of the words themselves (above longer words and
   * compounds), then by score, then in site order.
   */
  function best(ranked, count) {
    var matched = ranked.matched;
    var named = ranked.named;
    var wholeWords = ranked.wholeWords;
    var score = ranked.score;
    function order(x, y) {
      return (
        matched[y] - matched[x] || named[y] - named[x] || wholeWords[y] - wholeWords[x] || score[y] - score[x] || x - y
      );
    }
    var documents = ranked.documents;
    if (documents.length <= count * 4) return documents.slice().sort(order).slice(0, count);
    var top = documents.slice(0, count).sort(order);
    // The last of the best so far, field by field: most documents are not better, and comparing
    // them inline is a third of the cost of calling `order`.
    var last = top[count - 1];
    var lastMatched = matched[last];
    var lastNamed = named[last];
    var lastWhole = wholeWords[last];
    var lastScore = score[last];
    for (var i = count; i < documents.length; i++) {
      var document = documents[i];
      var m = matched[document];
      if (m < lastMatched) continue;
      if (m === lastMatched) {
        var n = named[document];
        if (n < lastNamed) continue;
        if (n === lastNamed) {
          var w = wholeWords[document];
          if (w < lastWhole) continue;
          if (w === lastWhole) {
            var s = score[document];
            if (s < lastScore || (s === lastScore && document > last)) continue;
          }
        }
      }
      var at = count - 1;
      while (at > 0 && order(document, top[at - 1]) < 0) at--;
      top.splice(at, 0, document);
      top.pop();
      last = top[count - 1];
      lastMatched = matched[last];
      lastNamed = named[last];
      lastWhole = wholeWords[last];
      lastScore = score[last];
    }
    return top;
  }

  // ---------------------------------------------------------------------------------------
  // Results

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  var SPECIAL = /[&<>"']/;

  function escapeHTML(text) {
    if (!SPECIAL.test(text)) return text;
    return text.replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
  }

  // Folded form and folded stem of words seen in excerpts, kept across queries (typing repeats them).
  var wordKeys = new Map();

  function keysOf(index, word) {
    var keys = wordKeys.get(word);
    if (keys === undefined) {
      var lower = word.normalize("NFC").toLowerCase();
      keys =
        length(lower) < 2 && !isOneIdeograph(lower) ? null : { folded: fold(lower), key: fold(index.stem(lower)) };
      if (wordKeys.size > 50000) wordKeys.clear();
      wordKeys.set(word, keys);
    }
    return keys;
  }

  /** Whether a text word is a part term's word: its stem or a variant. */
  function isPart(part, keys) {
    return keys.key === part.key || part.variants.indexOf(keys.key) >= 0;
  }

  /** Whether a folded text word is a compound with the key inside (not the key itself). */
  function inCompound(key, folded) {
    return key.length >= 3 && folded.length > key.length && folded.indexOf(key) >= 0;
  }

  /** Which query term a text word matches, or -1. */
  function hit(index, terms, word) {
    return keysHit(terms, keysOf(index, word));
  }

  /** Which query term a text word with these keys (`keysOf`) matches, or -1. */
  function keysHit(terms, keys) {
    if (keys === null) return -1;
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      if (keys.key === term.key || term.variants.indexOf(keys.key) >= 0) return t;
      if (term.prefix && keys.folded.indexOf(term.prefix) === 0) return t;
      if (inCompound(term.key, keys.folded)) return t;
      for (var v = 0; v < term.variants.length; v++) if (inCompound(term.variants[v], keys.folded)) return t;
      if (term.split && (isPart(term.split[0], keys) || isPart(term.split[1], keys))) return t;
    }
    return -1;
  }

  /**
   * Other names of the query's words from the glossary's synonym groups (meta `synonyms`), as
   * runs of folded stems, each with the query term it stands for: "LCA" marks "livscykelanalys".
   */
  function synonymPhrases(index, terms) {
    if (index.synonyms.length === 0 || terms.length === 0) return [];
    var keys = terms.map(function (term) { return term.key; });
    var phrases = [];
    index.synonyms.forEach(function (group) {
      var variants = group.map(function (variant) {
        return queryWords(String(variant)).map(function (word) { return fold(index.stem(word)); });
      });
      for (var v = 0; v < variants.length; v++) {
        var at = runAt(keys, variants[v]);
        if (at < 0) continue;
        variants.forEach(function (other, o) {
          if (o !== v && other.length > 0) phrases.push({ keys: other, term: at });
        });
        return;
      }
    });
    return phrases;
  }

  /** Where `run` begins in `list` (both arrays of keys), or -1. */
  function runAt(list, run) {
    if (run.length === 0) return -1;
    for (var i = 0; i + run.length <= list.length; i++) {
      var k = 0;
      while (k < run.length && list[i + k] === run[k]) k++;
      if (k === run.length) return i;
    }
    return -1;
  }

  /**
   * The query's runs of three or more ideographs (a word of Chinese or Japanese): the keys of
   * their pairs in order, and the term of the first pair. Their pairs are marked in a text only
   * where the whole run is: "\u30ea\u30a2\u30af\u30c6\u30a3\u30d6" does not mark the pairs it shares with
   * "\u30ea\u30a2\u30af\u30c6\u30a3\u30d3\u30c6\u30a3\u30fc".
   */
  function ideographRuns(index, text, terms) {
    var runs = [];
    var long = new RegExp(IDEOGRAPH + "{3,}", "gu");
    (text.normalize("NFC").toLowerCase().match(HYPHENATED) || []).forEach(function (match) {
      var run;
      long.lastIndex = 0;
      while ((run = long.exec(match))) {
        var chars = Array.from(run[0]);
        var keys = [];
        for (var c = 0; c + 1 < chars.length; c++) keys.push(fold(index.stem(chars[c] + chars[c + 1])));
        var first = terms.map(function (term) { return term.key; }).indexOf(keys[0]);
        if (first >= 0) runs.push({ keys: keys, term: first });
      }
    });
    return runs;
  }

  /**
   * Settles the terms of a text's words (`terms`, -1: none) where ideographs are: the pairs of a
   * run of the query count only where the whole run is (`ideographRuns`), and an ideograph whose
   * pair is a query word's marks its neighbour too (not for a query word of one ideograph, which
   * only starts the pair). `pairs`: whether each word is an ideograph read as a pair; `keyAt(w)`:
   * a word's key.
   */
  function settleIdeographs(query, terms, pairs, keyAt) {
    var runs = query.runs || [];
    if (runs.length) {
      var inRun = Object.create(null);
      runs.forEach(function (run) {
        query.terms.forEach(function (term, t) { if (run.keys.indexOf(term.key) >= 0) inRun[t] = true; });
      });
      for (var w = 0; w < terms.length; w++) if (pairs[w] && inRun[terms[w]]) terms[w] = -1;
      runs.forEach(function (run) {
        var n = run.keys.length;
        for (var at = 0; at + n <= terms.length; at++) {
          var k = 0;
          while (k < n && pairs[at + k] && keyAt(at + k) === run.keys[k]) k++;
          if (k === n) for (k = 0; k < n; k++) terms[at + k] = run.term;
        }
      });
    }
    // From the end: a neighbour marked so marks no other.
    for (var p = terms.length - 2; p >= 0; p--) {
      var term = query.terms[terms[p]];
      if (pairs[p] && terms[p] >= 0 && terms[p + 1] < 0 && !(term && isOneIdeograph(term.word))) terms[p + 1] = terms[p];
    }
  }

  /**
   * The words of a text with the query term each matches (-1: none), synonyms included; each
   * text once per query (a result's excerpt and its sub-results read the same sections).
   */
  function analyse(index, query, text) {
    if (!query.analysed) query.analysed = new Map();
    var known = query.analysed.get(text);
    if (known) return known;
    var found = textWords(text);
    // Parallel lists, one entry per word: where it starts and ends, and its term (-1: none).
    var count = found.ids.length;
    // A plain array: typed arrays cost more to make than these few hundred numbers.
    var words = {
      starts: found.starts,
      ends: found.ends,
      terms: new Array(count),
      length: count,
      ideographs: found.ideographs,
    };
    // The term of each distinct word once per query (a page repeats its words), kept by word
    // number and stamped with the query, so no word is hashed again.
    var stamp = query.stamp || (query.stamp = ++queryStamps);
    var ids = found.ids;
    for (var w = 0; w < count; w++) {
      var id = ids[w];
      if (termStamps[id] !== stamp) {
        termStamps[id] = stamp;
        var keys = keysOfWords[id];
        if (keys === undefined) keys = keysOfWords[id] = keysOf(index, wordList[id]);
        termsOfWords[id] = keysHit(query.terms, keys);
      }
      words.terms[w] = termsOfWords[id];
    }
    settleIdeographs(query, words.terms, found.pairs, function (w) {
      var keys = keysOfWords[ids[w]];
      return keys ? keys.key : null;
    });
    query.phrases.forEach(function (phrase) {
      var n = phrase.keys.length;
      for (var i = 0; i + n <= words.length; i++) {
        var k = 0;
        while (k < n) {
          var keys = keysOf(index, text.slice(words.starts[i + k], words.ends[i + k]));
          if (!keys || keys.key !== phrase.keys[k]) break;
          k++;
        }
        if (k < n) continue;
        for (k = 0; k < n; k++) if (words.terms[i + k] < 0) words.terms[i + k] = phrase.term;
      }
    });
    query.analysed.set(text, words);
    return words;
  }

  // The words of the texts of documents shown so far, which do not depend on the query: typing
  // a query shows the same documents again. Each distinct word has a number (`wordList` holds
  // the words by number), under which a query keeps the term it matches.
  var wordsOfTexts = new Map();
  var wordNumbers = new Map();
  var wordList = [];
  var keysOfWords = []; // keysOf each numbered word, once known
  var queryStamps = 0;
  var termStamps = new Int32Array(1024);
  var termsOfWords = new Int16Array(1024);

  /** The words of a text: where each starts and ends, and its number. */
  function textWords(text) {
    var found = wordsOfTexts.get(text);
    if (found) return found;
    if (wordsOfTexts.size > 2000 || wordList.length > 100000) {
      // Numbers are only dropped together with every text that uses them.
      wordsOfTexts.clear();
      wordNumbers.clear();
      wordList = [];
      keysOfWords = [];
      termStamps.fill(0);
    }
    var starts = [];
    var ends = [];
    var ids = [];
    var pairs = [];
    var ideographs = [];
    function add(word, start, end, paired) {
      var id = wordNumbers.get(word);
      if (id === undefined) {
        id = wordList.length;
        wordNumbers.set(word, id);
        wordList.push(word);
      }
      starts.push(start);
      ends.push(end);
      ids.push(id);
      pairs.push(paired ? 1 : 0);
      if (ideographs.length < pairs.length) ideographs.push(0);
    }
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      var word = match[0];
      if (!HAS_IDEOGRAPH.test(word)) {
        add(word, match.index, match.index + word.length, false);
      } else {
        // Each ideograph is a word of its own, matched as the pair it starts (`pieces`).
        pieces(word, match.index, function (piece, start, end, paired) {
          ideographs.push(paired || isOneIdeograph(piece) ? 1 : 0);
          add(piece, start, end, paired);
        });
      }
    }
    if (wordList.length > termStamps.length) {
      var size = termStamps.length;
      while (size < wordList.length) size *= 2;
      var stamps = new Int32Array(size);
      stamps.set(termStamps);
      var terms = new Int16Array(size);
      terms.set(termsOfWords);
      termStamps = stamps;
      termsOfWords = terms;
    }
    found = {
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      ids: Int32Array.from(ids),
      pairs: Int8Array.from(pairs),
      ideographs: Int8Array.from(ideographs),
    };
    wordsOfTexts.set(text, found);
    return found;
  }

  /** How many distinct query terms, and how many hits, a text's analysed words have. */
  function hitCount(words, termCount) {
    var seen = [];
    var hits = 0;
    for (var i = 0; i < words.length; i++) {
      var term = words.terms[i];
      if (term < 0) continue;
      hits++;
      if (seen.indexOf(term) < 0) seen.push(term);
    }
    return { distinct: Math.min(seen.length, termCount), hits: hits };
  }

  /**
   * Where an excerpt of text in ideographs starts: after the last punctuation mark between `best`
   * and its first hit (Chinese and Japanese have no spaces to start at), else at `best`.
   */
  function clauseStart(text, words, best) {
    var start = best;
    for (var i = best + 1; i < words.length && words.terms[i - 1] < 0; i++) {
      if (CLAUSE_END.test(text.slice(words.ends[i - 1], words.starts[i]))) start = i;
    }
    return start;
  }

  /** The first EXCERPT_WORDS words of a text, or twice as many ideographs (text without spaces). */
  function opening(text) {
    var words = text.split(/\s+/).slice(0, EXCERPT_WORDS).join(" ");
    if (!HAS_IDEOGRAPH.test(words)) return words;
    var chars = Array.from(words);
    var ideographs = chars.filter(isOneIdeograph).length;
    if (ideographs * 2 <= chars.length || chars.length <= 2 * EXCERPT_WORDS) return words;
    return chars.slice(0, 2 * EXCERPT_WORDS).join("") + " \u2026";
  }

  /**
   * About EXCERPT_WORDS words around the most query words, as HTML with <mark>ed hits; `words`:
   * the text's analysed words, when known.
   */
  function excerpt(index, query, text, words) {
    var terms = query.terms;
    words = words || analyse(index, query, text);
    if (words.length === 0) return "";
    // An ideograph is a word of its own but says about half as much: it counts half in the window.
    var ideographs = words.ideographs;
    function windowEnd(start) {
      var weight = 0;
      var at = start;
      while (at < words.length && (weight += ideographs[at] ? 0.5 : 1) <= EXCERPT_WORDS) at++;
      return at;
    }
    // The window of each hit is scored as it slides along: every word enters and leaves once.
    var inWindow = new Int32Array(terms.length);
    var low = 0;
    var high = 0;
    var distinct = 0;
    var hits = 0;
    var best = 0;
    var bestDistinct = -1;
    var bestHits = -1;
    for (var position = 0; position < words.length; position++) {
      if (words.terms[position] < 0) continue;
      var start = Math.max(0, position - (ideographs[position] ? 8 : 4));
      var stop = windowEnd(start);
      for (; high < stop; high++) {
        var entering = words.terms[high];
        if (entering < 0) continue;
        if (inWindow[entering]++ === 0) distinct++;
        hits++;
      }
      for (; low < start; low++) {
        var leaving = words.terms[low];
        if (leaving < 0) continue;
        if (--inWindow[leaving] === 0) distinct--;
        hits--;
      }
      if (distinct > bestDistinct || (distinct === bestDistinct && hits > bestHits)) {
        best = start;
        bestDistinct = distinct;
        bestHits = hits;
      }
    }
    if (ideographs[best]) best = clauseStart(text, words, best);
    var end = windowEnd(best);
    var html = best > 0 ? "\u2026 " : "";
    var cursor = words.starts[best];
    // Hits with nothing between them (ideographs) share one mark.
    var open = false;
    for (var i = best; i < end; i++) {
      var gap = text.slice(cursor, words.starts[i]);
      var marked = words.terms[i] >= 0;
      if (open && (!marked || gap)) {
        html += "</mark>";
        open = false;
      }
      html += escapeHTML(gap);
      if (marked && !open) {
        html += "<mark>";
        open = true;
      }
      html += escapeHTML(text.slice(words.starts[i], words.ends[i]));
      cursor = words.ends[i];
    }
    if (open) html += "</mark>";
    var last = words.ends[end - 1];
    // Keep the punctuation that ends the excerpt's last sentence.
    var tail = /^[.!?:;)\]\u201d"']*/.exec(text.slice(last))[0];
    html += escapeHTML(tail);
    if (end < words.length) html += " \u2026";
    return html;
  }

  /**
   * The link to a site path (`/projects/x/`, `/ordlista/#lca`) from the current page, relative,
   * with the query as `?highlight=` (the page marks its words on arrival) and `fragment` as #.
   */
  function link(index, path, highlight, fragment) {
    // Made once per page address, target and query: parsing URLs was a tenth of a query's time.
    var here = currentPage();
    var id = (index.fileLinks ? "1" : "0") + path + "\u0000" + (highlight || "") + "\u0000" + (fragment || "");
    var made = here.links.get(id);
    if (made === undefined) {
      made = relativeLink(index, here, path, highlight, fragment);
      if (here.links.size > 5000) here.links.clear();
      here.links.set(id, made);
    }
    return made;
  }

  function relativeLink(index, here, path, highlight, fragment) {
    var target = new URL(path.replace(/^\/+/, ""), root);
    if ((index.fileLinks || location.protocol === "file:") && /\/$/.test(target.pathname)) {
      target.pathname += "index.html";
    }
    if (highlight) target.search = highlightSearch(highlight);
    if (fragment) target.hash = fragment;
    if (target.protocol !== here.protocol || target.host !== here.host) return target.href;
    var from = here.folders.slice();
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

  // The current page's address, read again only when it changes.
  var page = null;

  function currentPage() {
    if (!page || page.href !== location.href) {
      var url = new URL(location.href);
      var folders = url.pathname.split("/");
      folders.pop();
      var folder = url.protocol + "//" + url.host + folders.join("/");
      // Links depend on the page's folder only: a search page that keeps its query in its
      // address keeps the links it made.
      var links = page && page.folder === folder ? page.links : new Map();
      page = {
        href: location.href, protocol: url.protocol, host: url.host, folders: folders, folder: folder, links: links,
      };
    }
    return page;
  }

  var lastHighlight = { text: null, search: "" };

  /** `?highlight=...` for a query, made once for all the links of its results. */
  function highlightSearch(highlight) {
    if (lastHighlight.text !== highlight) {
      lastHighlight = { text: highlight, search: "?" + new URLSearchParams({ highlight: highlight }).toString() };
    }
    return lastHighlight.search;
  }

  /**
   * The sections of a page (`h`: [id, heading, text]) with query hits, best first: deep links
   * under the page's result. Only for pages with two sections or more.
   */
  function subResults(index, query, document) {
    var sections = document.h || [];
    if (sections.length < 2 || query.terms.length === 0) return [];
    var found = [];
    sections.forEach(function (section, order) {
      var inHeading = hitCount(analyse(index, query, section[1]), query.terms.length);
      var inText = hitCount(analyse(index, query, section[2]), query.terms.length);
      if (inHeading.hits + inText.hits === 0) return;
      found.push({
        section: section,
        order: order,
        distinct: Math.max(inHeading.distinct, inText.distinct),
        weight: 3 * inHeading.hits + inText.hits,
      });
    });
    found.sort(function (x, y) { return y.distinct - x.distinct || y.weight - x.weight || x.order - y.order; });
    return found.slice(0, SUB_RESULTS).map(function (candidate) {
      var section = candidate.section;
      var text = section[2] || section[1];
      return {
        url: link(index, document.p, query.highlight, section[0]),
        title: section[1],
        excerpt: excerpt(index, query, text),
      };
    });
  }

  // Each shown document's text and where its words are, which do not depend on the query.
  var documentLayouts = new WeakMap();

  /**
   * A document's whole text for its excerpt (`text`: summary, intro, then each section), its
   * non-empty `parts` and where the words of its parts are in it (`starts`, `ends`).
   */
  function documentLayout(document) {
    var layout = documentLayouts.get(document);
    if (layout) return layout;
    var parts = [document.s, document.x];
    (document.h || []).forEach(function (section) { parts.push(section[1], section[2]); });
    parts = parts.filter(function (part) { return part; });
    var starts = [];
    var ends = [];
    var offset = 0;
    parts.forEach(function (part) {
      var found = textWords(part);
      for (var w = 0; w < found.ids.length; w++) {
        starts.push(found.starts[w] + offset);
        ends.push(found.ends[w] + offset);
      }
      offset += part.length + 1;
    });
    layout = { text: parts.join(" "), parts: parts, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
    documentLayouts.set(document, layout);
    return layout;
  }

  /** The analysed words of a document's whole text, from those of its parts (each analysed once). */
  function documentWords(index, query, layout) {
    var terms = [];
    var ideographs = [];
    layout.parts.forEach(function (part) {
      var list = analyse(index, query, part);
      for (var w = 0; w < list.length; w++) {
        terms.push(list.terms[w]);
        ideographs.push(list.ideographs[w]);
      }
    });
    return { starts: layout.starts, ends: layout.ends, terms: terms, length: terms.length, ideographs: ideographs };
  }

  function results(index, query, ranked, limit, offset) {
    var shown = ranked.matched
      ? best(ranked, offset + limit).slice(offset)
      : ranked.documents.slice(offset, offset + limit);
    // Now: the ranking's arrays are the next query's.
    var scores = shown.map(function (number) { return ranked.score[number]; });
    return Promise.all(
      shown.map(function (number) {
        return load("d/" + Math.floor(number / index.documentsPerFile)).then(function (group) {
          return group[number % index.documentsPerFile];
        });
      })
    ).then(function (documents) {
      var list = documents.map(function (document, position) {
        var layout = documentLayout(document);
        var text = layout.text;
        var hash = document.p.indexOf("#");
        var path = hash < 0 ? document.p : document.p.slice(0, hash);
        return {
          url: link(index, path, query.highlight, hash < 0 ? "" : document.p.slice(hash + 1)),
          path: document.p,
          title: document.t,
          kind: index.kinds[document.k] || "",
          section: document.b || "",
          excerpt: query.terms.length
            ? excerpt(index, query, text, documentWords(index, query, layout))
            : escapeHTML(opening(text)),
          score: Math.round(scores[position] * 1000) / 1000,
          subResults: subResults(index, query, document),
        };
      });
      list.total = ranked.documents.length;
      list.partial = ranked.partial;
      return list;
    });
  }

  /**
   * What a query looks for, with the shards it needs loaded: `terms` (see `plan`), `shards` (the
   * entries of each term's shards), `name` (its name key), `phrases` (synonyms to mark) and
   * `highlight` (the words for result links).
   */
  function prepare(index, text) {
    var ready = index.aliases ? lookUp(index, queryWords(text)) : Promise.resolve();
    return ready.then(function () {
      var terms = plan(index, text);
      var numbers = terms.map(function (term) { return shardsFor(index, term); });
      var names = [];
      function withNames(list) {
        var all = [].concat.apply([], list);
        if (index.shards.length) names.forEach(function (key) { all.push(shardNumber(index, key)); });
        return loadShards(index, all.filter(function (n, i) { return all.indexOf(n) === i; }));
      }
      names = terms.length ? nameKeys(index, text, terms) : [];
      return withNames(numbers).then(function () {
        return Promise.all(terms.map(function (term) { return splitTerm(index, term); }));
      }).then(function () {
        terms.forEach(function (term, position) { correct(index, term, numbers[position]); });
        // Corrections make more name keys; their shards are mostly loaded already.
        names = terms.length ? nameKeys(index, text, terms) : [];
        return withNames([]);
      }).then(function () {
        return {
          terms: terms,
          shards: numbers.map(function (list) {
            return [].concat.apply([], list.map(function (n) { return index.shardCache[n]; }));
          }),
          names: names,
          phrases: synonymPhrases(index, terms),
          runs: ideographRuns(index, text, terms),
          highlight: queryWords(text).length ? text.trim().replace(/\s+/g, " ") : "",
        };
      });
    });
  }

  /**
   * Searches the site. Resolves to `[{url, path, title, kind, section, excerpt, score,
   * subResults}]`, best first, with `total` (matches before `limit`) and `partial` (true when no
   * page has every word, so the pages with most of them are shown). `kind` is the document's
   * kind ("Project", "Glossary"), `section` its section path where titles repeat, and
   * `subResults` up to three `{url, title, excerpt}` of its sections with hits. `filters`:
   * `{param: [slug, ...]}`, any slug of a param and every param (`{tagg: ["cirkular"]}`). An
   * empty query with filters lists the filtered pages.
   */
  function search(query, options) {
    options = options || {};
    var limit = options.limit > 0 ? options.limit : 20;
    var offset = options.offset > 0 ? options.offset : 0;
    return meta().then(function (index) {
      var both = [prepare(index, String(query || "")), allowed(index, options.filters)];
      return Promise.all(both).then(function (loaded) {
        var prepared = loaded[0];
        var passed = loaded[1];
        var ranked;
        if (prepared.terms.length > 0) {
          ranked = rank(index, prepared.terms, prepared.shards, passed, prepared.names);
        } else {
          ranked = { documents: [], score: new Float64Array(index.documents), partial: false };
          if (passed) for (var d = 0; d < index.documents; d++) if (passed[d]) ranked.documents.push(d);
        }
        return results(index, prepared, ranked, limit, offset);
      });
    });
  }

  /**
   * Resolves to a function of a word: true for the words the engine marks in excerpts for
   * `query` (its stems, folds, variants, compounds, compound parts and synonyms). The theme
   * marks them on the page a result opens.
   */
  function highlighter(query) {
    return meta().then(function (index) {
      return prepare(index, String(query || "")).then(function (prepared) {
        // Words of synonyms; of several words, the longer ones (not "om" of "lagen om ...").
        var synonyms = Object.create(null);
        prepared.phrases.forEach(function (phrase) {
          phrase.keys.forEach(function (key) {
            if (phrase.keys.length === 1 || length(key) >= 4) synonyms[key] = true;
          });
        });
        // The term a word matches: its index, `terms.length` for a synonym's word, or -1.
        function termOf(word) {
          if (prepared.terms.length === 0) return -1;
          var term = hit(index, prepared.terms, word);
          if (term >= 0) return term;
          var keys = keysOf(index, word);
          return !!keys && synonyms[keys.key] === true ? prepared.terms.length : -1;
        }
        var matches = function (word) {
          return termOf(word) >= 0;
        };
        /** The ranges [start, end] of a text's words to mark, ideographs read as the engine reads them. */
        matches.ranges = function (text) {
          var starts = [];
          var ends = [];
          var terms = [];
          var pairs = [];
          var keys = [];
          var word = new RegExp(WORD.source, "gu");
          var match;
          while ((match = word.exec(text))) {
            pieces(match[0], match.index, function (piece, start, end, paired) {
              var found = keysOf(index, piece);
              starts.push(start);
              ends.push(end);
              terms.push(termOf(piece));
              pairs.push(paired ? 1 : 0);
              keys.push(found ? found.key : null);
            });
          }
          settleIdeographs(prepared, terms, pairs, function (w) { return keys[w]; });
          var ranges = [];
          for (var w = 0; w < terms.length; w++) {
            if (terms[w] < 0) continue;
            var last = ranges[ranges.length - 1];
            if (last && last[1] === starts[w]) last[1] = ends[w];
            else ranges.push([starts[w], ends[w]]);
          }
          return ranges;
        };
        return matches;
      });
    });
  }

  api.search = search;
  api.highlighter = highlighter;
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
  registry.opening = opening;
})();
