// A stand-in for a customer's website on another origin than Consentry, with the strict
// Content-Security-Policy the widget must work under. Pages are built from the query:
//   /page.html?mode=banner|inline&form=<slug>[&consent-mode=1][&lang=nl]
//   /page.html?mode=peer  the same page with vanilla-cookieconsent (files from E2E_PEERS_DIR),
//                         for the banner benchmark
//   /govern.html?form=<slug>[&consent-mode=1][&consentry_region=XX]  a page whose tags, frame
//                         and snippet are marked for the widget to govern: each tag (/tag.js)
//                         counts itself at /hit, sets a cookie and notes its name in
//                         window.tags; /hits lists the counts. &google=1 adds a Google tag
//                         (data-consentry="google"), &gtag=1 the gtag stub, &extra=1 a
//                         nomodule tag, a marked script inside the template and a "general"
//                         one, &twice=1 includes widget.js twice
// Any host name reaches the same site (www.site.test, shop.site.test through Chromium's host
// resolver rules).
// CSP violation reports arrive at /csp-report and are listed at /csp-reports.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const port = Number(process.env.E2E_HOST_PORT ?? 18081);
const consentry = process.env.E2E_CONSENTRY_ORIGIN ?? 'http://127.0.0.1:18080';
const organisation = process.env.E2E_ORGANISATION ?? 'acme-b-v';
const peers = process.env.E2E_PEERS_DIR;
const reports = [];
const hits = {};
// The nonce of the governed page's marked inline script (a strict CSP allows it by nonce).
const nonce = 'c29tZS1ub25jZQ';

const csp = [
  "default-src 'self'",
  `script-src 'self' ${consentry}`,
  `style-src 'self' ${consentry}`,
  `connect-src ${consentry}`,
  'report-uri /csp-report',
].join('; ');

// The host's own CSS tries to restyle every button and paragraph: the widget's shadow root
// must keep it out.
const hostCss = 'button, p, h2 { all: unset; color: #f0f !important; font-size: 40px !important; }\n';
// A stub gtag that records every call, loaded before the widget like a real tag would be.
const gtagStub =
  'window.dataLayer = window.dataLayer || [];\n' +
  'window.gtagCalls = [];\n' +
  'window.gtag = function () { window.gtagCalls.push(Array.from(arguments)); };\n';

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// vanilla-cookieconsent set up like the Consentry banner: three categories, same words.
const peerConfig = `CookieConsent.run({
  // Playwright sets navigator.webdriver, which vanilla-cookieconsent takes for a bot.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, ads: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Cookies on this shop', description: 'We would like to keep in touch.',
      acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customise' },
    preferencesModal: { title: 'Cookies on this shop', acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save choices', sections: [
        { title: 'Necessary', description: 'Keeps the shop working.', linkedCategory: 'necessary' },
        { title: 'Statistics', description: 'Counts visits.', linkedCategory: 'analytics' },
        { title: 'Advertising', description: 'Our offers elsewhere.', linkedCategory: 'ads' } ] } } } },
});
`;

// A tag as an analytics or advertising vendor ships it: it counts a hit, sets its cookie and
// says it ran.
const tagJs = `(function () {
  var name = new URL(document.currentScript.src).searchParams.get('name');
  window.tags = (window.tags || []).concat(name);
  document.cookie = '_ga_' + name + '=1; path=/';
  fetch('/hit?name=' + name);
})();
`;

function governed(query, hostHeader) {
  const form = query.get('form') ?? 'governed';
  const consentMode = query.get('consent-mode') === '1';
  const extra = query.get('extra') === '1';
  const attrs = [
    `src="${consentry}/widget.js"`,
    `data-organisation="${escape(organisation)}"`,
    `data-form="${escape(form)}"`,
    'data-mode="banner"',
    consentMode ? 'data-consent-mode' : 'async',
  ].join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Governed shop (${escape(hostHeader)})</title>
<link rel="stylesheet" href="/host.css">
${consentMode || query.get('gtag') === '1' ? '<script src="/gtag-stub.js"></script>' : ''}
<script ${attrs}></script>
${query.get('twice') === '1' ? `<script ${attrs}></script>` : ''}
${query.get('google') === '1' ? '<script type="text/plain" data-consentry="google" src="/tag.js?name=google"></script>' : ''}
${extra ? '<script type="text/plain" data-consentry="analytics" nomodule src="/tag.js?name=legacy"></script>' : ''}
<script type="text/plain" data-consentry="analytics" src="/tag.js?name=external"></script>
<script type="text/plain" data-consentry="analytics" nonce="${nonce}">window.tags = (window.tags || []).concat('inline'); fetch('/hit?name=inline');</script>
</head>
<body>
<main>
<h1>Governed shop</h1>
<iframe data-consentry="advertising" data-consentry-name="YouTube" data-src="/video.html" width="560" height="315" title="Our product video"></iframe>
<template data-consentry="analytics"><p id="from-template">A snippet from the template.</p><script src="/tag.js?name=template"></script>${extra ? '<div><script type="text/plain" data-consentry="advertising" src="/tag.js?name=nested"></script></div>' : ''}</template>
${extra ? '<script type="text/plain" data-consentry="general" src="/tag.js?name=general"></script>' : ''}
</main>
</body>
</html>
`;
}

function page(query) {
  if (query.get('mode') === 'peer') {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Example shop</title>
<link rel="stylesheet" href="/host.css">
<link rel="stylesheet" href="/peer/cookieconsent.css">
<script src="/peer/cookieconsent.umd.js" defer></script>
<script src="/peer-config.js" defer></script>
</head>
<body>
<main>
<h1>Example shop</h1>
<p><a href="/page.html">Products</a></p>
</main>
</body>
</html>
`;
  }
  const mode = query.get('mode') === 'inline' ? 'inline' : 'banner';
  const form = query.get('form') ?? 'cookies';
  const consentMode = query.get('consent-mode') === '1';
  const lang = query.get('lang') ?? 'en';
  const attrs = [
    `src="${consentry}/widget.js"`,
    `data-organisation="${escape(organisation)}"`,
    `data-form="${escape(form)}"`,
    `data-mode="${mode}"`,
    consentMode ? 'data-consent-mode' : 'async',
  ].join(' ');
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<title>Example shop</title>
<link rel="stylesheet" href="/host.css">
${consentMode ? '<script src="/gtag-stub.js"></script>' : ''}
<script ${attrs}></script>
</head>
<body>
<main>
<h1>Example shop</h1>
<p><a href="/page.html">Products</a></p>
${mode === 'inline' ? `<div data-consentry-form="${escape(form)}"></div>` : ''}
</main>
</body>
</html>
`;
}

createServer((request, response) => {
  const url = new URL(request.url, `http://localhost:${port}`);
  const send = (status, type, body, headers = {}) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    response.end(body);
  };
  if (url.pathname === '/csp-report' && request.method === 'POST') {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      reports.push(body);
      send(204, 'text/plain', '');
    });
    return;
  }
  if (url.pathname.startsWith('/peer/') && peers) {
    const file = basename(url.pathname);
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    readFile(join(peers, file)).then(
      (body) => send(200, type, body),
      () => send(404, 'text/plain', 'not found'),
    );
    return;
  }
  switch (url.pathname) {
    case '/peer-config.js':
      return send(200, 'text/javascript', peerConfig);
    case '/page.html':
      return send(200, 'text/html; charset=utf-8', page(url.searchParams), {
        'content-security-policy': csp,
      });
    case '/govern.html':
      return send(200, 'text/html; charset=utf-8', governed(url.searchParams, request.headers.host ?? ''), {
        'content-security-policy': csp
          .replace(`script-src 'self' ${consentry}`, `script-src 'self' ${consentry} 'nonce-${nonce}'`)
          .replace(`connect-src ${consentry}`, `connect-src 'self' ${consentry}`),
      });
    case '/tag.js':
      return send(200, 'text/javascript', tagJs);
    case '/hit':
      hits[url.searchParams.get('name')] = (hits[url.searchParams.get('name')] ?? 0) + 1;
      return send(204, 'text/plain', '');
    case '/hits':
      return send(200, 'application/json', JSON.stringify(hits));
    case '/video.html':
      return send(200, 'text/html; charset=utf-8', '<!doctype html><html lang="en"><title>Video</title><p id="video">A video plays here.</p></html>', {
        'content-security-policy': "default-src 'none'",
      });
    case '/host.css':
      return send(200, 'text/css', hostCss);
    case '/gtag-stub.js':
      return send(200, 'text/javascript', gtagStub);
    case '/csp-reports':
      return send(200, 'application/json', JSON.stringify(reports));
    case '/health':
      return send(200, 'text/plain', 'ok');
    default:
      return send(404, 'text/plain', 'not found');
  }
}).listen(port, '127.0.0.1');
