/// The pages' style sheet and script, served from the binary (`/assets/...`): nothing is
/// fetched from elsewhere.
enum PageAssets {
  /// The assets by path, with their content type.
  static let all: [String: (type: String, body: String)] = [
    "/assets/pages.css": ("text/css; charset=utf-8", css),
    "/assets/pages.js": ("text/javascript; charset=utf-8", script),
  ]

  static let css = """
    body { font: 16px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
    header.top, footer.bottom { padding: .6rem 1rem; background: #f2f2f2; }
    header.top a { margin-right: .8rem; }
    .brand { font-weight: bold; }
    main { padding: 1rem; max-width: 72rem; }
    a { color: #0a4fb3; }
    a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f0a500; }
    .site, .app { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
    .shop { flex: 2 1 30rem; }
    .phone { flex: 0 0 22rem; border: 2px solid #333; border-radius: 1.2rem; padding: 1rem; }
    .viewer { flex: 1 1 20rem; border-left: 4px solid #0a4fb3; padding-left: 1rem; }
    .products { list-style: none; padding: 0; display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .5rem; }
    .products a, .products button { display: block; padding: .6rem; border: 1px solid #ccc;
      text-decoration: none; width: 100%; text-align: left; background: #fff; font: inherit;
      box-sizing: border-box; height: 100%; }
    .price { color: #555; }
    .error { color: #a00000; font-weight: bold; }
    .notice { background: #eef6ee; padding: .4rem; }
    .dim, .label { color: #555; }
    table { border-collapse: collapse; margin: .5rem 0; }
    th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
    .ns { display: inline-block; min-width: 5rem; font-weight: bold; }
    svg text { font: 12px system-ui, sans-serif; }
    .tabs button { font: inherit; padding: .3rem .8rem; border: 1px solid #888; background: #f2f2f2; }
    .tabs button[aria-selected=true] { background: #fff; border-bottom: 3px solid #0a4fb3; }
    """

  static let script = """
    'use strict';
    // Sends a site action and puts the Profile Viewer it answers in place of the old one.
    async function track(fields) {
      const response = await fetch('/luma/track', {
        method: 'POST', body: new URLSearchParams(fields),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const viewer = document.getElementById('viewer');
      if (viewer) { viewer.outerHTML = await response.text(); }
      document.body.dataset.tracked = String(Number(document.body.dataset.tracked || 0) + 1);
    }
    // The segment builder: rules write PQL; the PQL gets a live estimate.
    function composePQL() {
      const gender = document.getElementById('b-gender').value;
      const product = document.getElementById('b-product').value;
      const days = document.getElementById('b-window').value;
      const rules = [];
      if (gender) { rules.push('person.gender in ["' + gender + '"]'); }
      if (product) {
        const when = days ? ' WHEN(<= ' + days + ' days before now)' : '';
        rules.push('CHAIN(xEvent, timestamp, [C0: WHAT(productListItems.exists(name.equals("' +
          product + '", false)))' + when + '])');
      }
      if (rules.length) {
        document.getElementById('b-pql').value = rules.join(' and ');
        estimate();
      }
    }
    let pending;
    function estimate() {
      clearTimeout(pending);
      pending = setTimeout(async () => {
        const pql = document.getElementById('b-pql').value;
        const response = await fetch('/platform/estimate', {
          method: 'POST', body: new URLSearchParams({ pql }),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
        document.getElementById('b-estimate').textContent = await response.text();
      }, 250);
    }
    document.addEventListener('DOMContentLoaded', () => {
      const body = document.body;
      if (body.dataset.device === 'web' && body.dataset.product) {
        track({ product: body.dataset.product, device: 'web' });
      } else if (body.dataset.device === 'web' && body.dataset.page) {
        track({ page: body.dataset.page, device: 'web' });
      }
      for (const button of document.querySelectorAll('[data-app-view]')) {
        button.addEventListener('click', () => track({ product: button.dataset.appView, device: 'app' }));
      }
      for (const select of document.querySelectorAll('[data-rule]')) {
        select.addEventListener('change', composePQL);
      }
      // Tabs: without the script every panel shows; with it, one at a time (arrow keys move).
      const tabs = [...document.querySelectorAll('[role=tab]')];
      function choose(tab) {
        for (const other of tabs) {
          const chosen = other === tab;
          other.setAttribute('aria-selected', String(chosen));
          other.tabIndex = chosen ? 0 : -1;
          document.getElementById(other.getAttribute('aria-controls')).hidden = !chosen;
        }
      }
      tabs.forEach((tab, index) => {
        tab.addEventListener('click', () => choose(tab));
        tab.addEventListener('keydown', (event) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (step) {
            const next = tabs[(index + step + tabs.length) % tabs.length];
            choose(next); next.focus();
          }
        });
      });
      if (tabs.length) { choose(tabs[0]); }
      const pql = document.getElementById('b-pql');
      if (pql) { pql.addEventListener('input', estimate); if (pql.value) { estimate(); } }
    });
    """
}
