// The demo page's only script (no inline script: the page works under a strict CSP). It loads the
// embed loader from the app named by this page's ?app= parameter, so one demo page works with any
// app origin (the e2e test serves the app on another port and host). A real site would write the
// <script src="https://APP/embed.js" defer> tag directly.
(function () {
  'use strict';
  var DEFAULT_APP = 'http://127.0.0.1:8080/';
  var app;
  try {
    app = new URL(new URLSearchParams(window.location.search).get('app') || DEFAULT_APP);
  } catch (e) {
    app = new URL(DEFAULT_APP);
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') app = new URL(DEFAULT_APP);
  if (!app.pathname.endsWith('/')) app.pathname += '/';

  // The fallback link (for visitors without JavaScript) points at the same app.
  Array.prototype.forEach.call(document.querySelectorAll('[data-support-navigator] a'), function (a) {
    a.href = app.href;
  });
  var script = document.createElement('script');
  script.src = new URL('embed.js', app).href;
  script.defer = true;
  document.head.appendChild(script);
}());
