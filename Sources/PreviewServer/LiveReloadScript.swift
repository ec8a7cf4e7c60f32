/// The live-reload client: a small script served at a reserved path that no site file can have.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/_kretslopp/live.js"
    /// Where it listens for events.
    static let eventsPath = "/_kretslopp/events"

    /// Injected by the theme just before `</body>` (`{{{liveReload}}}`).
    static let snippet = #"<script src="/_kretslopp/live.js" defer></script>"#

    /// On `reload` the page reloads; on `css` stylesheets are swapped in place (no reload, the
    /// scroll position stays); on `search` the search engine forgets the index it loaded, so the
    /// next query reads the new one; on `error` an overlay lists the problems; on `ok` it goes away.
    static let source = #"""
        // Kretslopp preview: live reload and build errors. Served by `kretslopp serve` only.
        (function () {
          'use strict';
          if (!window.EventSource || window.__kretsloppLive) return;
          window.__kretsloppLive = true;
          var version = null;
          var overlayId = 'kretslopp-overlay';
          var warningsId = 'kretslopp-warnings';

          function payload(event) {
            try { return JSON.parse(event.data); } catch (e) { return {}; }
          }

          // A different version on (re)connect means the site changed while we were not listening.
          function stale(data) {
            if (version !== null && data.version !== version) { location.reload(); return true; }
            version = data.version;
            return false;
          }

          function swapStylesheets() {
            var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
            Array.prototype.forEach.call(links, function (link) {
              var url = new URL(link.href, location.href);
              if (url.origin !== location.origin) return;
              url.searchParams.set('_kretslopp', String(Date.now()));
              var next = link.cloneNode();
              next.href = url.pathname + url.search;
              // Keep the old sheet until the new one is in, so nothing flashes unstyled.
              next.addEventListener('load', function () { link.remove(); });
              next.addEventListener('error', function () { next.remove(); });
              link.after(next);
            });
          }

          function removeOverlay() {
            var old = document.getElementById(overlayId);
            if (old) old.remove();
          }

          function element(tag, text, style) {
            var node = document.createElement(tag);
            if (text) node.textContent = text;
            if (style) node.style.cssText = style;
            return node;
          }

          // The boxes' own words in the page's language, from the theme's UI strings (the
          // `<template>` the build writes before this script); English for a theme without them.
          // The diagnostics are the terminal's, in English.
          var english = {
            lang: 'en',
            failed: 'Build failed ({n} errors). Showing the last good build; fix the file and this page updates.',
            failedOne: 'Build failed (1 error). Showing the last good build; fix the file and this page updates.',
            warnings: '{n} warnings in the file you saved',
            warningsOne: '1 warning in the file you saved',
            close: 'Close'
          };
          function words() {
            var given = document.getElementById('kretslopp-preview-words');
            var data = given ? given.dataset : {};
            if (!data.failed || !data.failedOne || !data.close) return english;
            var own = data.warnings && data.warningsOne;
            return {
              lang: data.lang || english.lang, failed: data.failed, failedOne: data.failedOne, close: data.close,
              warnings: own ? data.warnings : english.warnings,
              warningsOne: own ? data.warningsOne : english.warningsOne,
              warningsLang: own ? data.lang || english.lang : english.lang
            };
          }

          function removeWarnings() {
            var old = document.getElementById(warningsId);
            if (old) old.remove();
          }

          // A box of diagnostics: the build's errors at the top (an alert, the last good build
          // below it), or the saved file's warnings at the bottom (a status the page goes on under).
          function box(id, diagnostics, heading, lang, errors) {
            var colours = errors ? ['#2b0b0b', '#ff6b6b', '#ffd0d0'] : ['#2b2100', '#ffc94d', '#ffe9b0'];
            var node = element('div', null,
              'position:fixed;left:0;right:0;' + (errors ? 'top:0;border-bottom' : 'bottom:0;border-top') +
              ':4px solid ' + colours[1] + ';z-index:2147483647;max-height:' + (errors ? '60vh' : '40vh') +
              ';overflow:auto;margin:0;padding:1rem 1.25rem;background:' + colours[0] + ';color:#fff;' +
              'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;');
            node.id = id;
            node.setAttribute('role', errors ? 'alert' : 'status');
            node.setAttribute('lang', lang);
            var title = element('p', heading, 'margin:0 0 .75rem;font-weight:bold;font-family:system-ui,sans-serif;');
            var close = element('button', words().close, 'float:right;margin-left:1rem;font:inherit;' +
              'color:' + colours[0] + ';background:#fff;border:0;border-radius:3px;padding:.15rem .6rem;' +
              'cursor:pointer;');
            close.type = 'button';
            close.setAttribute('lang', words().lang);
            close.addEventListener('click', function () { node.remove(); });
            node.appendChild(close);
            node.appendChild(title);
            diagnostics.forEach(function (d) {
              var item = element('div', null, 'margin:0 0 1rem;');
              item.setAttribute('lang', 'en');
              var head = element('p', null, 'margin:0;white-space:pre-wrap;');
              var where = element('strong', d.location, 'color:' + colours[2] + ';');
              where.className = 'kretslopp-location';
              head.appendChild(where);
              head.appendChild(document.createTextNode(': ' + d.severity + ': ' + d.message +
                (d.hint ? '; ' + d.hint : '')));
              item.appendChild(head);
              if (typeof d.source === 'string') {
                var gutter = String(d.line) + ' | ';
                var caret = Array(gutter.length - 1).join(' ') + '| ' + Array(Math.max(d.column, 1)).join(' ') + '^';
                item.appendChild(element('pre', gutter + d.source + '\n' + caret,
                  'margin:.25rem 0 0;padding:.5rem;background:#000;color:#fff;overflow:auto;'));
              }
              node.appendChild(item);
            });
            document.body.appendChild(node);
          }

          function showOverlay(diagnostics) {
            removeOverlay();
            removeWarnings();
            var text = words();
            var errors = diagnostics.filter(function (d) { return d.severity === 'error'; }).length;
            box(overlayId, diagnostics, errors === 1 ? text.failedOne : text.failed.split('{n}').join(String(errors)),
              text.lang, true);
          }

          function showWarnings(warnings) {
            removeWarnings();
            if (!warnings || !warnings.length) return;
            var text = words();
            box(warningsId, warnings,
              warnings.length === 1 ? text.warningsOne : text.warnings.split('{n}').join(String(warnings.length)),
              text.warningsLang, false);
          }

          // The page says which it is: an edit renders the open pages first.
          var source = new EventSource('/_kretslopp/events?page=' + encodeURIComponent(location.pathname));
          source.addEventListener('reload', function () { location.reload(); });
          source.addEventListener('css', function (event) {
            removeOverlay();
            version = payload(event).version;
            swapStylesheets();
          });
          source.addEventListener('search', function (event) {
            version = payload(event).version;
            var search = window.__kretsloppSearch;
            if (search && search.forget) search.forget();
          });
          source.addEventListener('ok', function (event) {
            var data = payload(event);
            if (stale(data)) return;
            removeOverlay();
            showWarnings(data.warnings);
          });
          source.addEventListener('error', function (event) {
            // The EventSource's own connection errors are plain events without data.
            if (!event.data) return;
            var data = payload(event);
            if (stale(data)) return;
            showOverlay(data.diagnostics || []);
          });
        })();

        """#
}
