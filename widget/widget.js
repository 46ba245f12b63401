/* Consentry widget: a consent banner that governs the page, or an inline consent form.
 * <script src="https://consent.example.org/widget.js" data-organisation="acme"
 *   data-form="newsletter" data-mode="banner|inline" [data-consent-mode] async></script>
 * Marked content runs only once its purpose (or category) is granted:
 *   <script type="text/plain" data-consentry="analytics" src="…">, <iframe data-consentry="ads"
 *   data-src="…">, <img data-consentry="…" data-src="…">, <template data-consentry="…">.
 * Plain script: no dependencies, no eval, no inline styles (strict-CSP safe). */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  // Included twice: one banner is enough.
  if (data.mode !== 'inline' && typeof window.consentry?.on === 'function') return;
  const base = new URL(script.src).origin;
  const org = data.organisation || '';
  const slug = data.form || '';
  const inline = data.mode === 'inline';
  const path = encodeURIComponent(org) + '/' + encodeURIComponent(slug);
  const api = base + '/api/public/widget/' + path;
  const cookie = ('consentry_' + org + '_' + slug).replace(/[^\w-]/g, '_');
  // Global Privacy Control: the browser's flag, or the server saw `Sec-GPC: 1` (see start()).
  let gpc = navigator.globalPrivacyControl === true;
  const code = (data.lang || document.documentElement.lang || navigator.language || '')
    .slice(0, 2).toLowerCase();
  const lang = /^[a-z]{2}$/.test(code) ? code : '';
  const region = new URLSearchParams(location.search).get('consentry_region');

  // A tiny element builder: h('p', {class: 'x'}, 'text', child).
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids) if (kid != null && kid !== false) el.append(kid);
    return el;
  };

  // A shadow root on `host` (host CSS cannot reach in) holding a hidden box, and a promise
  // kept once the widget's own style sheet has loaded.
  const shadow = (host, cfg = config) => {
    const root = host.attachShadow({ mode: 'open' });
    host.style.setProperty('--cw-brand', cfg.brand_colour);
    // The language of what it says, whatever the page's.
    const box = h('div', { class: 'cw-root', lang: cfg.lang, hidden: true });
    const styled = new Promise((done) => root.append(
      h('link', { rel: 'stylesheet', href: base + '/widget.css', onload: done, onerror: done }), box));
    return [box, styled];
  };

  const policy = (cfg) => cfg.policy_url &&
    h('p', { class: 'cw-small' }, h('a', { href: cfg.policy_url, target: '_blank', rel: 'noopener' },
      cfg.texts.privacy_statement || cfg.labels.privacy_policy));

  const post = (url, body) => fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });

  // ---- inline mode: the sign-up form --------------------------------------------------------
  const renderInline = (cfg) => {
    const target = document.querySelector('[data-consentry-form="' + CSS.escape(slug) + '"]') ||
      document.querySelector('[data-consentry-form]');
    if (!target || target.shadowRoot) return;
    const [box, styled] = shadow(target, cfg);
    const t = cfg.texts;
    const id = (s) => 'cw-' + s;
    const field = (name, label, type, auto) => h('div', { class: 'cw-field' },
      h('label', { for: id(name) }, label),
      h('input', { id: id(name), name, type, autocomplete: auto, required: type === 'email', 'aria-describedby': id(name + '-e') }),
      h('span', { id: id(name + '-e'), class: 'cw-error' }));
    const purposeBox = (p) => h('div', { class: 'cw-check' },
      h('input', { type: 'checkbox', id: id('p-' + p.key), value: p.key, checked: p.required, disabled: p.required, 'data-purpose': '' }),
      h('label', { for: id('p-' + p.key) }, t.purposes[p.key].title, p.required ? ' (' + t.required_label + ')' : ''),
      h('p', { class: 'cw-small' }, t.purposes[p.key].description));
    const channelBox = (c) => h('div', { class: 'cw-check' },
      h('input', { type: 'checkbox', id: id('c-' + c), value: c, 'data-channel': '' }),
      h('label', { for: id('c-' + c) }, t.channel_labels[c] || c));
    const status = h('p', { class: 'cw-status', role: 'status', 'aria-live': 'polite' });
    const button = h('button', { type: 'submit', class: 'cw-btn' }, t.submit_label);
    const form = h('form', { class: 'cw cw-inline', novalidate: true, 'aria-labelledby': id('title') },
      h('h2', { id: id('title') }, t.title),
      h('p', null, t.intro),
      field('first_name', cfg.labels.first_name, 'text', 'given-name'),
      field('last_name', cfg.labels.last_name, 'text', 'family-name'),
      field('email', cfg.labels.email, 'email', 'email'),
      ...cfg.purposes.map(purposeBox),
      cfg.channels.length > 0 && h('fieldset', null, h('legend', null, t.channels_heading), ...cfg.channels.map(channelBox)),
      h('p', { class: 'cw-small' }, t.consent_statement),
      // What is kept until when (double opt-in), as the hosted sign-up page says it.
      cfg.kept_until && h('p', { class: 'cw-small cw-kept' }, cfg.labels.kept_until.replace('{date}', cfg.kept_until)),
      policy(cfg), status, button);
    const values = (attr) => [...form.querySelectorAll('input[' + attr + ']:checked')].map((i) => i.value);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = (name) => form.elements[name];
      for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
      for (const el of form.querySelectorAll('.cw-error')) el.textContent = '';
      const text = (name) => input(name).value.trim() || null;
      button.disabled = true;
      status.textContent = '';
      try {
        const response = await post(base + '/api/public/sign-up/' + path, {
          lang: cfg.lang, version: cfg.version,
          first_name: text('first_name'), last_name: text('last_name'), email: input('email').value.trim(),
          choices: { granted: values('data-purpose'), channels: values('data-channel') },
        });
        const answer = await response.json();
        if (response.ok) {
          form.replaceChildren(h('h2', { id: id('title'), tabindex: '-1' }, t.title),
            h('p', { role: 'status' }, answer === 'confirmation_sent' ? cfg.labels.check_mail : t.thanks));
          form.querySelector('h2').focus();
          return;
        }
        const bad = answer.field && input(answer.field.split('.')[0]);
        if (bad && bad.setAttribute) {
          bad.setAttribute('aria-invalid', 'true');
          form.querySelector('#' + id(bad.name + '-e')).textContent = answer.message;
          bad.focus();
        } else status.textContent = answer.message;
      } catch (e) {
        status.textContent = String(e);
      }
      button.disabled = false;
    });
    box.append(form);
    styled.then(() => box.removeAttribute('hidden'));
  };

  // ---- banner mode --------------------------------------------------------------------------
  // The decision lives in a first-party cookie: on the consent domain when the page is under
  // it, so every subdomain shares one decision. With several (the host's own and the consent
  // domain's), the newest counts; one without a time, or dated in the future, does not.
  const read = () => document.cookie.split(/;\s*/).reduce((best, c) => {
    if (!c.startsWith(cookie + '=')) return best;
    try {
      const s = JSON.parse(decodeURIComponent(c.slice(cookie.length + 1)));
      return typeof s.t === 'number' && Array.isArray(s.g) && s.t < Date.now() + 6e4 && !(best && best.t >= s.t) ? s : best;
    } catch (e) { return best; }
  }, null);
  let stored = read();
  let config = null;
  const listeners = [];
  const domain = () => {
    const d = config.widget.consent_domain, host = location.hostname;
    return d && (host === d || host.endsWith('.' + d)) ? d : '';
  };
  const setCookie = (name, value, days, where, path = '/') => {
    document.cookie = name + '=' + value + ';path=' + path + ';max-age=' + Math.round(days * 86400) +
      (where ? ';domain=' + where : '') + ';samesite=lax' + (location.protocol === 'https:' ? ';secure' : '');
  };
  // Where a cookie may have been set: this host (host-only, or as a domain) and each parent
  // domain, at `/` and at each of this page's paths (with and without a final slash).
  const scopes = () => [''].concat(location.hostname.split('.').map((_, i, a) => a.slice(i).join('.')));
  const paths = () => location.pathname.split('/').flatMap((_, i, a) => {
    const p = a.slice(0, i + 1).join('/');
    return p ? [p, p + '/'] : ['/'];
  });
  const remove = (name) => { for (const p of paths()) for (const d of scopes()) setCookie(name, '', 0, d, p); };
  const optional = () => config.purposes.filter((p) => !p.required);
  const refusing = (p) => gpc && (p.category === 'advertising' || p.category === 'sale_or_sharing');
  // How long a decision stands: a refusal of everything optional may be set shorter.
  const days = (s) => {
    const life = config.widget.lifetime;
    return (!optional().some((p) => s.g.includes(p.key)) && life.refusal_days) || life.days;
  };
  const valid = (s) => !!s && s.f === config.purposes_fingerprint && Date.now() - s.t < days(s) * 864e5;
  const keys = (ps) => ps.map((p) => p.key);
  // What applies now: the decision while it stands, else what the visitor's region rule gives.
  const granted = () => valid(stored) ? stored.g
    : keys(config.purposes.filter((p) => p.required || (config.rule !== 'opt_in' && !refusing(p))));

  const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' };
  // Google Consent Mode v2: a signal is granted when every purpose of its categories is.
  const signals = (g) => {
    const all = (cats) => {
      const ps = config.purposes.filter((p) => cats.includes(p.category || 'general'));
      return ps.length > 0 && ps.every((p) => g.includes(p.key)) ? 'granted' : 'denied';
    };
    return { ad_storage: all(['advertising']), ad_user_data: all(['advertising', 'sale_or_sharing']),
      ad_personalization: all(['advertising']), analytics_storage: all(['analytics']) };
  };
  function queue() { (window.dataLayer = window.dataLayer || []).push(arguments); }
  const gtag = (...args) => (typeof window.gtag === 'function' ? window.gtag : queue)(...args);
  const uet = (kind, s) => config.widget.microsoft_uet &&
    (window.uetq = window.uetq || []).push('consent', kind, { ad_storage: s.ad_storage });
  let consentMode = 'consentMode' in data && !inline;
  // Before any tag runs: the stored choice, else everything denied until the visitor answers.
  if (consentMode) gtag('consent', 'default', Object.assign({ wait_for_update: 500 }, stored && stored.e > Date.now() && stored.s || denied));

  // ---- governing the page: marked elements run once their purpose or category is granted ----
  const names = (el) => el.dataset.consentry.split(/\s+/).filter(Boolean);
  const has = (p, name) => p.key === name || (p.category || 'general') === name;
  const allows = (name, g) => {
    if (name === 'google') {
      return config.widget.google.advanced || Object.values(signals(g)).includes('granted');
    }
    const ps = config.purposes.filter((p) => has(p, name));
    return ps.length > 0 && ps.every((p) => g.includes(p.key));
  };
  let chain = Promise.resolve();
  // Runs one marked script anew. Scripts run in document order: each waits for the external
  // one before it to load or fail (4 s at most, so one stuck tag cannot hold the rest).
  const run = (el) => new Promise((done) => {
    if (!el.isConnected) return done();
    const s = document.createElement('script');
    for (const a of el.attributes) if (!/^(type|data-consentry|data-type)$/.test(a.name)) s.setAttribute(a.name, a.value);
    if (el.dataset.type) s.type = el.dataset.type;
    s.nonce = el.nonce || el.getAttribute('nonce') || '';
    s.text = el.text;
    // Only a script the browser will run fires load or error.
    if (s.src && !s.noModule && /^(|module|(text|application)\/(java|ecma)script)$/i.test(s.type)) {
      s.async = false;
      s.onload = s.onerror = done;
      setTimeout(done, 4000);
    } else setTimeout(done);
    el.replaceWith(s);
  });
  // Activates a marked element: a script in turn, a template's snippet (its unmarked scripts
  // in turn, marked ones governed on their own), a frame's or image's source at once.
  const activate = (el) => {
    if (el.__cw) return;
    el.__cw = 1;
    if (el.localName === 'script') {
      chain = chain.then(() => run(el));
    } else if (el.localName === 'template') {
      const part = el.content.cloneNode(true);
      const scripts = [...part.querySelectorAll('script:not([data-consentry])')];
      // Inserted inert, then run in turn like any marked script.
      for (const s of scripts) { s.__cw = 1; s.dataset.type = s.type; s.type = 'text/plain'; }
      el.replaceWith(part);
      for (const s of scripts) chain = chain.then(() => run(s));
    } else {
      const src = el.dataset.src, set = el.dataset.srcset;
      if (set) el.srcset = set;
      if (src) el.src = src;
      if (el.__ph) { el.__ph.remove(); el.hidden = false; }
    }
  };
  const scan = (root) => {
    if (!config || inline || !root.querySelectorAll) return;
    const g = granted();
    const els = [...root.querySelectorAll('[data-consentry]')];
    if (root.matches?.('[data-consentry]')) els.unshift(root);
    for (const el of els) {
      if (el.__cw) continue;
      const n = names(el);
      if (n.length && n.every((name) => allows(name, g))) activate(el);
      else if (el.dataset.src && !el.__ph && el.localName !== 'img') placeholder(el);
    }
  };
  // Elements added later (single-page apps, tag managers) are governed too (by the banner;
  // an inline form governs nothing).
  if (!inline) new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n);
  }).observe(document.documentElement, { childList: true, subtree: true });

  // A blocked frame shows, in its place, what it is and a way to load it.
  const placeholder = (el) => {
    const L = config.labels;
    const wanted = config.purposes.filter((p) => names(el).some((n) => has(p, n)));
    const p = wanted.find((q) => !granted().includes(q.key)) || wanted[0];
    const title = p ? config.texts.purposes[p.key].title : names(el).join(', ');
    let source = el.dataset.consentryName;
    try { source = source || new URL(el.dataset.src, location.href).hostname; } catch (e) { source = el.dataset.src; }
    const host = h('div', { 'data-consentry-placeholder': '' });
    for (const d of ['width', 'height']) {
      const v = el.getAttribute(d);
      if (v) host.style[d] = /^\d+$/.test(v) ? v + 'px' : v;
    }
    el.__ph = host;
    el.hidden = true;
    el.before(host);
    const [box, styled] = shadow(host);
    box.append(h('div', { class: 'cw cw-ph', role: 'group', 'aria-label': source },
      h('p', null, L.placeholder.replace(/\{(source|purpose)\}/g, (_, k) => (k === 'source' ? source : title))),
      h('div', { class: 'cw-actions' },
        h('button', { type: 'button', class: 'cw-btn', onclick: () => { activate(el); el.focus(); } }, L.load_once),
        h('button', { type: 'button', class: 'cw-btn', onclick: () => { decide(granted().concat(keys(wanted))); el.focus(); } }, L.always_allow))));
    styled.then(() => box.removeAttribute('hidden'));
  };

  // A short message in a corner of the page (after a withdrawal).
  const note = (text, ...buttons) => {
    document.querySelector('[data-consentry-note]')?.remove();
    const host = h('div', { 'data-consentry-note': '' });
    document.body.append(host);
    const [box, styled] = shadow(host);
    box.append(h('div', { class: 'cw cw-note', role: 'status' }, h('p', null, text),
      h('div', { class: 'cw-actions' }, ...buttons,
        h('button', { type: 'button', class: 'cw-btn', onclick: () => host.remove() }, config.labels.close))));
    styled.then(() => box.removeAttribute('hidden'));
  };

  // The page follows what applies now: tags told, withdrawn purposes' cookies deleted (here
  // and on the consent domain), newly granted content run.
  // `had` also names purposes an earlier (expired or outdated) decision granted: their cookies
  // may still be here.
  const apply = (before, tell = true, had = before) => {
    const g = granted();
    const s = signals(g);
    if (tell && consentMode) gtag('consent', 'update', s);
    if (tell) uet('update', s);
    const gone = before.filter((k) => !g.includes(k));
    const patterns = had.filter((k) => !g.includes(k)).flatMap((k) => config.widget.cookies[k] || []);
    for (const c of document.cookie.split(/;\s*/)) {
      const n = c.split('=')[0];
      if (patterns.some((x) => (x.endsWith('*') ? n.startsWith(x.slice(0, -1)) : n === x))) remove(n);
    }
    if (gone.length) {
      note(config.labels.reload_hint, h('button', { type: 'button', class: 'cw-btn', onclick: () => location.reload() }, config.labels.reload));
    }
    scan(document);
  };

  // Kept once: copies on the host or a parent domain (from before a consent domain was set or
  // changed) go.
  const save = () => {
    remove(cookie);
    setCookie(cookie, encodeURIComponent(JSON.stringify(stored)), days(stored), domain());
  };
  // The choice applies at once (tags are told before the server answers); the receipt id
  // follows, and then the page's listeners hear of it.
  const decide = async (chosen) => {
    const before = granted();
    const had = before.concat(stored ? stored.g : []);
    const g = keys(config.purposes.filter((p) => p.required || chosen.includes(p.key)));
    stored = { v: config.version, f: config.purposes_fingerprint, g, s: signals(g), r: null, t: Date.now() };
    stored.e = stored.t + days(stored) * 864e5;
    save();
    apply(before, true, had);
    if (closeBanner) closeBanner();
    try {
      const response = await post(api + '/decisions', { version: config.version, lang: config.lang, granted: g, gpc, region });
      if (response.status === 410) return start(true);
      if (response.ok) {
        stored.r = (await response.json()).receipt_id;
        save();
      }
    } catch (e) { /* the choice still applies on this page */ }
    for (const fn of listeners) fn({ granted: g.slice(), receipt: stored.r });
  };

  let openBanner = null;
  let closeBanner = null;
  // The banner (opt-in: a modal dialog) or the notice (opt-out and notice rules: a region at
  // the foot of the page that leaves the page usable).
  const renderBanner = (show) => {
    const cfg = config;
    const t = cfg.texts;
    const L = cfg.labels;
    const modal = cfg.rule === 'opt_in';
    const host = h('div', { 'data-consentry-banner': slug });
    document.body.append(host);
    const [box, styled] = shadow(host, cfg);
    let returnTo = null;
    let closable = false;
    const boxes = cfg.purposes.map((p) => {
      const input = h('input', { type: 'checkbox', id: 'cw-p-' + p.key, checked: p.required, disabled: p.required });
      const row = h('div', { class: 'cw-check' }, input,
        h('label', { for: input.id }, t.purposes[p.key].title, p.required ? ' (' + t.required_label + ')' : ''),
        h('p', { class: 'cw-small' }, t.purposes[p.key].description),
        refusing(p) && h('p', { class: 'cw-small cw-gpc' }, L.gpc_notice));
      return { p, input, row };
    });
    const choices = h('div', { class: 'cw-purposes', hidden: true }, ...boxes.map((b) => b.row));
    closeBanner = () => {
      if (box.hidden) return;
      box.setAttribute('hidden', '');
      box.removeEventListener('keydown', keydown);
      if (returnTo && returnTo.focus) returnTo.focus();
    };
    const button = (label, fn) => h('button', { type: 'button', class: 'cw-btn', onclick: fn }, label);
    const customise = button(L.customise, () => {
      if (choices.hidden) {
        choices.hidden = false;
        customise.textContent = L.save;
        boxes.find((b) => !b.p.required)?.input.focus();
      } else decide(boxes.filter((b) => b.input.checked).map((b) => b.p.key));
    });
    const required = keys(cfg.purposes.filter((p) => p.required));
    const dialog = h('div', modal
      ? { class: 'cw cw-banner', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cw-title', 'aria-describedby': 'cw-intro' }
      : { class: 'cw cw-banner cw-notice', role: 'region', 'aria-labelledby': 'cw-title' },
      h('h2', { id: 'cw-title' }, t.title),
      h('p', { id: 'cw-intro' }, t.intro),
      policy(cfg), choices,
      h('div', { class: 'cw-actions' },
        modal ? button(L.reject_all, () => decide(required))
          : cfg.rule === 'opt_out' && button(L.do_not_sell, () => decide(keys(cfg.purposes.filter((p) =>
            p.required || !(p.category === 'advertising' || p.category === 'sale_or_sharing'))))),
        customise,
        modal ? button(L.accept_all, () => decide(keys(cfg.purposes.filter((p) => p.required || !refusing(p)))))
          : button(L.ok, () => decide(granted()))));
    const closeButton = h('button', { type: 'button', class: 'cw-close', 'aria-label': L.close, onclick: closeBanner }, '\u00d7');
    box.append(modal ? h('div', { class: 'cw-backdrop' }, dialog) : dialog);
    const focusable = () => [...dialog.querySelectorAll('button, a[href], input:not([disabled])')].filter((el) => !el.closest('[hidden]'));
    // A modal keeps focus while open; Escape closes it when a decision stands.
    function keydown(event) {
      if (event.key === 'Escape' && closable) { event.preventDefault(); closeBanner(); return; }
      if (event.key !== 'Tab' || !modal) return;
      const els = focusable();
      const first = els[0], last = els[els.length - 1];
      const at = host.shadowRoot.activeElement;
      if (event.shiftKey && (at === first || !at)) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && at === last) { event.preventDefault(); first.focus(); }
    }
    openBanner = (auto) => {
      closable = valid(stored);
      if (closable && !closeButton.isConnected) dialog.prepend(closeButton);
      // Earlier choices stand when only the purposes changed; expired ones are not offered.
      const g = stored && Date.now() - stored.t < days(stored) * 864e5 ? stored.g : granted();
      for (const b of boxes) b.input.checked = b.p.required || g.includes(b.p.key);
      choices.hidden = true;
      customise.textContent = L.customise;
      returnTo = document.activeElement;
      box.removeAttribute('hidden');
      box.addEventListener('keydown', keydown);
      if (modal || !auto) (dialog.querySelector('.cw-actions button') || dialog).focus();
      // Counted for the form's figures: the version and rule, nothing about the visitor.
      if (auto) post(api + '/impressions', { version: cfg.version, region }).catch(() => {});
    };
    // Shown once styled, unless a decision stands (or the rule shows nothing).
    // `data-ready` on the host tells the page the widget has settled.
    styled.then(() => {
      host.setAttribute('data-ready', '');
      if (show) openBanner(true);
    });
  };

  async function start(again) {
    try {
      const query = new URLSearchParams();
      if (lang) query.set('lang', lang);
      if (region) query.set('region', region);
      const response = await fetch(api + '?' + query);
      if (!response.ok) throw new Error((await response.json()).message);
      config = await response.json();
    } catch (e) {
      console.warn('Consentry widget:', e.message || e);
      return;
    }
    gpc = gpc || config.gpc;
    if (inline) return renderInline(config);
    const w = config.widget;
    if (w.consent_mode) {
      if (!consentMode) gtag('consent', 'default', Object.assign({ wait_for_update: w.google.wait_for_update_ms }, denied));
      consentMode = true;
      if (w.google.ads_data_redaction) gtag('set', 'ads_data_redaction', true);
      if (w.google.url_passthrough) gtag('set', 'url_passthrough', true);
      // The visitor's region gets the defaults its rule gives (a decision replaces them).
      if (config.region) gtag('consent', 'default', Object.assign(signals(granted()), { region: [config.region] }));
    }
    uet('default', signals(valid(stored) ? [] : granted()));
    if (again) {
      document.querySelector('[data-consentry-banner="' + CSS.escape(slug) + '"]')?.remove();
      stored = null;
    }
    // A stored decision that no longer stands is replaced by what the rule gives.
    apply([], !!stored);
    renderBanner(!valid(stored) && config.rule !== 'nothing');
  }

  if (!inline) {
    window.consentry = {
      // true or false once the visitor decided, null before.
      get: (purpose) => (config && valid(stored) ? stored.g.includes(purpose) : null),
      on: (event, fn) => { if (event === 'change' && typeof fn === 'function') listeners.push(fn); },
      open: () => openBanner && openBanner(false),
    };
    // A decision made on another subdomain (or another tab) applies here when the visitor
    // comes back to this page.
    const sync = () => {
      const now = read();
      if (!config || JSON.stringify(now) === JSON.stringify(stored)) return;
      const before = granted();
      stored = now;
      apply(before);
      if (valid(stored) && closeBanner) closeBanner();
    };
    addEventListener('focus', sync);
    document.addEventListener('visibilitychange', sync);
  }
  start(false);
})();
