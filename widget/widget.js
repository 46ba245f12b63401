/* Consentry widget: a consent banner or an inline consent form on any site.
 * <script src="https://consent.example.org/widget.js" data-organisation="acme"
 *   data-form="newsletter" data-mode="banner|inline" [data-consent-mode] async></script>
 * Plain script: no dependencies, no eval, no inline styles (strict-CSP safe). */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  const base = new URL(script.src).origin;
  const org = data.organisation || '';
  const slug = data.form || '';
  const inline = data.mode === 'inline';
  const path = encodeURIComponent(org) + '/' + encodeURIComponent(slug);
  const api = base + '/api/public/widget/' + path;
  const storeKey = 'consentry:' + org + ':' + slug;
  // Global Privacy Control: the browser's flag, or the server saw `Sec-GPC: 1` (see start()).
  let gpc = navigator.globalPrivacyControl === true;
  const code = (data.lang || document.documentElement.lang || navigator.language || '')
    .slice(0, 2).toLowerCase();
  const lang = /^[a-z]{2}$/.test(code) ? code : '';

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
  const shadow = (host, cfg) => {
    const root = host.attachShadow({ mode: 'open' });
    host.style.setProperty('--cw-brand', cfg.brand_colour);
    const box = h('div', { class: 'cw-root', hidden: true });
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
  const read = () => {
    try { return JSON.parse(localStorage.getItem(storeKey)); } catch (e) { return null; }
  };
  let stored = read();
  const listeners = [];
  const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' };
  // Google Consent Mode v2: a signal is granted when every purpose of its categories is.
  const signals = (cfg, granted) => {
    const all = (cats) => {
      const ps = cfg.purposes.filter((p) => cats.includes(p.category || 'general'));
      return ps.length > 0 && ps.every((p) => granted.includes(p.key)) ? 'granted' : 'denied';
    };
    return { ad_storage: all(['advertising']), ad_user_data: all(['advertising', 'sale_or_sharing']),
      ad_personalization: all(['advertising']), analytics_storage: all(['analytics']) };
  };
  function queue() { (window.dataLayer = window.dataLayer || []).push(arguments); }
  const gtag = (...args) => (typeof window.gtag === 'function' ? window.gtag : queue)(...args);
  let consentMode = 'consentMode' in data;
  // Before any tag runs: the stored decision, else everything denied until the visitor answers.
  if (consentMode && !inline) gtag('consent', 'default', Object.assign({ wait_for_update: 500 }, stored && stored.s || denied));

  const save = () => {
    try { localStorage.setItem(storeKey, JSON.stringify(stored)); } catch (e) { /* private mode */ }
  };
  // The choice applies at once (tags are told before the server answers); the receipt id
  // follows, and then the page's listeners hear of it.
  const decide = async (cfg, chosen) => {
    const granted = cfg.purposes.filter((p) => p.required || chosen.includes(p.key)).map((p) => p.key);
    stored = { v: cfg.version, f: cfg.purposes_fingerprint, g: granted, s: signals(cfg, granted), r: null, t: Date.now() };
    save();
    if (consentMode) gtag('consent', 'update', stored.s);
    try {
      const response = await post(api + '/decisions', { version: cfg.version, lang: cfg.lang, granted, gpc });
      if (response.status === 410) return start(true);
      if (response.ok) {
        stored.r = (await response.json()).receipt_id;
        save();
      }
    } catch (e) { /* the choice still applies on this page */ }
    for (const fn of listeners) fn({ granted: granted.slice(), receipt: stored.r });
  };

  let openBanner = null;
  const renderBanner = (cfg) => {
    const t = cfg.texts;
    const L = cfg.labels;
    const host = h('div', { 'data-consentry-banner': slug });
    document.body.append(host);
    const [box, styled] = shadow(host, cfg);
    let returnTo = null;
    let closable = false;
    const refusedByGpc = (p) => gpc && (p.category === 'advertising' || p.category === 'sale_or_sharing');
    const boxes = cfg.purposes.map((p) => {
      const input = h('input', { type: 'checkbox', id: 'cw-p-' + p.key, checked: p.required, disabled: p.required });
      const row = h('div', { class: 'cw-check' }, input,
        h('label', { for: input.id }, t.purposes[p.key].title, p.required ? ' (' + t.required_label + ')' : ''),
        h('p', { class: 'cw-small' }, t.purposes[p.key].description),
        refusedByGpc(p) && h('p', { class: 'cw-small cw-gpc' }, L.gpc_notice));
      return { p, input, row };
    });
    const choices = h('div', { class: 'cw-purposes', hidden: true }, ...boxes.map((b) => b.row));
    const close = () => {
      box.setAttribute('hidden', '');
      box.removeEventListener('keydown', keys);
      if (returnTo && returnTo.focus) returnTo.focus();
    };
    const finish = (granted) => { close(); decide(cfg, granted); };
    const picked = () => boxes.filter((b) => b.input.checked).map((b) => b.p.key);
    const customise = h('button', { type: 'button', class: 'cw-btn', onclick: () => {
      if (choices.hidden) {
        choices.hidden = false;
        customise.textContent = L.save;
        boxes.find((b) => !b.p.required)?.input.focus();
      } else finish(picked());
    } }, L.customise);
    const dialog = h('div', { class: 'cw cw-banner', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cw-title', 'aria-describedby': 'cw-intro' },
      h('h2', { id: 'cw-title' }, t.title),
      h('p', { id: 'cw-intro' }, t.intro),
      policy(cfg), choices,
      h('div', { class: 'cw-actions' },
        h('button', { type: 'button', class: 'cw-btn', onclick: () => finish(cfg.purposes.filter((p) => p.required).map((p) => p.key)) }, L.reject_all),
        customise,
        h('button', { type: 'button', class: 'cw-btn', onclick: () => finish(cfg.purposes.filter((p) => p.required || !refusedByGpc(p)).map((p) => p.key)) }, L.accept_all)));
    const closeButton = h('button', { type: 'button', class: 'cw-close', 'aria-label': L.close, onclick: close }, '\u00d7');
    box.append(h('div', { class: 'cw-backdrop' }, dialog));
    const focusable = () => [...dialog.querySelectorAll('button, a[href], input:not([disabled])')].filter((el) => !el.closest('[hidden]'));
    // Focus stays in the dialog while it is open; Escape closes it when a decision stands.
    function keys(event) {
      if (event.key === 'Escape' && closable) { event.preventDefault(); close(); return; }
      if (event.key !== 'Tab') return;
      const els = focusable();
      const first = els[0], last = els[els.length - 1];
      const at = host.shadowRoot.activeElement;
      if (event.shiftKey && (at === first || !at)) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && at === last) { event.preventDefault(); first.focus(); }
    }
    openBanner = () => {
      closable = !!stored && stored.f === cfg.purposes_fingerprint;
      if (closable && !closeButton.isConnected) dialog.prepend(closeButton);
      const granted = stored ? stored.g : [];
      for (const b of boxes) b.input.checked = b.p.required || granted.includes(b.p.key);
      choices.hidden = true;
      customise.textContent = L.customise;
      returnTo = document.activeElement;
      box.removeAttribute('hidden');
      box.addEventListener('keydown', keys);
      (dialog.querySelector('.cw-actions button') || dialog).focus();
    };
    // Shown once styled; asked again only when the purposes changed since the stored decision.
    // `data-ready` on the host tells the page the widget has settled.
    styled.then(() => {
      host.setAttribute('data-ready', '');
      if (!stored || stored.f !== cfg.purposes_fingerprint) openBanner();
    });
  };

  let config = null;
  async function start(again) {
    try {
      const response = await fetch(api + (lang ? '?lang=' + lang : ''));
      if (!response.ok) throw new Error((await response.json()).message);
      config = await response.json();
    } catch (e) {
      console.warn('Consentry widget:', e.message || e);
      return;
    }
    gpc = gpc || config.gpc;
    if (config.consent_mode && !consentMode && !inline) {
      consentMode = true;
      gtag('consent', 'default', stored && stored.s || denied);
    }
    if (inline) return renderInline(config);
    if (again) {
      document.querySelector('[data-consentry-banner="' + CSS.escape(slug) + '"]')?.remove();
      stored = null;
    }
    renderBanner(config);
  }

  if (!inline) {
    window.consentry = {
      // true or false once the visitor decided, null before.
      get: (purpose) => (stored ? stored.g.includes(purpose) : null),
      on: (event, fn) => { if (event === 'change' && typeof fn === 'function') listeners.push(fn); },
      open: () => openBanner && openBanner(),
    };
  }
  start(false);
})();
