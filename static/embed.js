/*! Support Navigator embed loader. MIT licence. No dependencies, no build step, ES2017.
 *
 * On the host page:
 *   <script src="https://APP-HOST/embed.js" defer></script>
 *   <div data-support-navigator data-lang="nl" data-journey="open-request" data-product="ce_app"
 *        data-theme="dark" data-accent="0a5fff" data-holidays="2026-12-25,2026-12-26">
 *     <a href="https://APP-HOST/">Open Support Navigator</a>  (shown only without JavaScript)
 *   </div>
 *
 * Each such element gets an iframe of the app (the directory this script was loaded from) with
 * ?embed=1 and its data-* attributes as URL parameters: data-journey becomes j, data-lang lang,
 * data-title the iframe's title, and every other data-NAME (product, theme, accent, holidays, any
 * question id, dashes read as underscores) is passed on as NAME. The app validates all of them.
 *
 * The app posts {type: "support-navigator:height" | ":journey" | ":result", ...} to this page
 * (README.md, "Embedding"). A message counts only when it comes from the app's origin AND from
 * that very iframe; the height resizes the iframe, journey and result events are re-dispatched
 * on the element as DOM events of the same name, with {journey} as detail.
 */
(function () {
  'use strict';

  var script = document.currentScript ||
    Array.prototype.slice.call(document.querySelectorAll('script[src]'))
      .filter(function (s) { return /\/embed\.js(\?|#|$)/.test(s.src); }).pop();
  if (!script) return;

  var appUrl = new URL('./', script.src);
  var appOrigin = appUrl.origin;
  var MARK = 'data-support-navigator-ready';
  // data-* attributes the loader reads itself rather than passing on.
  var OWN = ['support-navigator', 'support-navigator-ready', 'title', 'embed', 'origin'];
  var MAX_HEIGHT = 100000;
  var frames = [];

  function frameUrl(el) {
    var params = new URLSearchParams();
    params.set('embed', '1');
    Array.prototype.forEach.call(el.attributes, function (attr) {
      if (attr.name.indexOf('data-') !== 0) return;
      var name = attr.name.slice(5);
      if (OWN.indexOf(name) !== -1) return;
      if (name === 'journey') name = 'j';
      var value = attr.value.trim();
      if (name === 'accent') value = value.replace(/^#/, '');
      params.set(name.replace(/-/g, '_'), value);
    });
    // Lets the app address its messages to this page only (postMessage's targetOrigin).
    if (window.location.origin && window.location.origin !== 'null') {
      params.set('origin', window.location.origin);
    }
    return appUrl.href + '?' + params.toString();
  }

  function mount(el) {
    if (el.hasAttribute(MARK)) return;
    el.setAttribute(MARK, '');
    var iframe = document.createElement('iframe');
    iframe.src = frameUrl(el);
    iframe.title = el.getAttribute('data-title') || 'Support Navigator';
    iframe.loading = 'lazy';
    // The app needs scripts and its own origin (wasm, fetches), forms (each question is one),
    // popups for links opened in a new tab, modals for Print; clipboard-write for Copy.
    iframe.setAttribute('sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals');
    iframe.setAttribute('allow', 'clipboard-write');
    // The app is told the host's origin explicitly; it needs no page address in a Referer.
    iframe.referrerPolicy = 'no-referrer';
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    // Until the app reports its height.
    iframe.style.height = '40rem';
    // Whatever the element held (a fallback link for visitors without JavaScript) is replaced.
    el.textContent = '';
    el.appendChild(iframe);
    frames.push({ el: el, iframe: iframe });
  }

  function scan() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-support-navigator]'), mount);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== appOrigin) return;
    var frame = frames.filter(function (f) { return f.iframe.contentWindow === event.source; })[0];
    var data = event.data;
    if (!frame || !data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type === 'support-navigator:height') {
      var h = data.height;
      if (typeof h === 'number' && isFinite(h) && h >= 0) {
        frame.iframe.style.height = Math.ceil(Math.min(h, MAX_HEIGHT)) + 'px';
      }
    } else if (data.type === 'support-navigator:journey' || data.type === 'support-navigator:result') {
      if (typeof data.journey === 'string' && /^[a-z-]{1,40}$/.test(data.journey)) {
        frame.el.dispatchEvent(new CustomEvent(data.type, { detail: { journey: data.journey } }));
      }
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
  // For pages that add a widget later: SupportNavigator.scan().
  window.SupportNavigator = window.SupportNavigator || { scan: scan };
}());
