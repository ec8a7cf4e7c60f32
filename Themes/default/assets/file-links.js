/* Opening the site from disk (file://): a link to a folder ("../about/") would show the
   folder's listing there, so it is sent to the folder's index.html instead. Online (http, https)
   nothing changes and the pretty URLs stay. Loaded blocking in <head>, before the body: it only
   listens and rewrites attributes, so nothing on the page moves.
   Builds made with --relative-urls need no script: their links already end in index.html. */
(function () {
  "use strict";

  if (location.protocol !== "file:") return;

  var OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
  var FOLDER = /^([^?#]*\/)([?#].*)?$/;

  /** The URL to open from disk: "x/" -> "x/index.html", query and fragment kept. */
  function pageURL(url) {
    if (typeof url !== "string" || url.charAt(0) === "#") return url;
    // Another site ("https://…/") is not on disk; "file:" and relative URLs are.
    if (OTHER_SCHEME.test(url) && !/^file:/i.test(url)) return url;
    var match = FOLDER.exec(url);
    return match ? match[1] + "index.html" + (match[2] || "") : url;
  }

  function fix(element, attribute) {
    var value = element.getAttribute(attribute);
    if (value === null) return;
    var fixed = pageURL(value);
    if (fixed !== value) element.setAttribute(attribute, fixed);
  }

  function fixAll() {
    var links = document.querySelectorAll("a[href], area[href]");
    for (var i = 0; i < links.length; i++) fix(links[i], "href");
    var forms = document.querySelectorAll("form[action]");
    for (var j = 0; j < forms.length; j++) fix(forms[j], "action");
  }

  // Links that scripts add later (search results, filtered cards) are fixed as they are used.
  function onLink(event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a[href], area[href]") : null;
    if (link) fix(link, "href");
  }

  document.addEventListener("click", onLink, true);
  document.addEventListener("auxclick", onLink, true);
  document.addEventListener("contextmenu", onLink, true);
  document.addEventListener("submit", function (event) {
    if (event.target && event.target.getAttribute) fix(event.target, "action");
  }, true);
  document.addEventListener("DOMContentLoaded", fixAll);

  var api = (window.kretslopp = window.kretslopp || {});
  api.pageURL = pageURL;
})();
