// Runs inside the rendering page (served same-origin by comment-renderer.mjs; the page's CSP allows no
// other script). Mounts the comment HTML the way GitHub shows it, renders its Mermaid blocks and measures
// its tables and charts. Plain browser JavaScript: the project's TypeScript config has no DOM types.
'use strict';

(() => {
  // GitHub sanitises rendered comments with an allowlist. We keep the elements and attributes that can
  // appear in a comment and change its layout, drop dangerous elements with their content, and unwrap the
  // rest, so a comment can neither run script nor restyle itself here any more than it can on GitHub.
  const DROP_WITH_CONTENT = new Set([
    'SCRIPT', 'STYLE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'NOSCRIPT', 'TEMPLATE',
    'LINK', 'META', 'BASE', 'TITLE', 'FORM', 'TEXTAREA', 'SELECT', 'BUTTON', 'SVG', 'MATH', 'XMP',
    'NOEMBED', 'NOFRAMES', 'PLAINTEXT', 'CANVAS', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'DIALOG',
  ]);
  const KEEP = new Set([
    'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'DIV', 'SPAN', 'BR', 'HR', 'B', 'I', 'EM', 'STRONG', 'S',
    'DEL', 'INS', 'STRIKE', 'U', 'SUB', 'SUP', 'SMALL', 'MARK', 'Q', 'CITE', 'ABBR', 'DFN', 'VAR', 'SAMP',
    'KBD', 'CODE', 'TT', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY',
    'TFOOT', 'TR', 'TH', 'TD', 'CAPTION', 'COLGROUP', 'COL', 'DETAILS', 'SUMMARY', 'A', 'IMG', 'PICTURE',
    'FIGURE', 'FIGCAPTION', 'RUBY', 'RT', 'RP', 'WBR', 'INPUT',
  ]);
  const ATTRIBUTES = new Set([
    'href', 'src', 'alt', 'title', 'align', 'valign', 'width', 'height', 'colspan', 'rowspan', 'open',
    'start', 'reversed', 'lang', 'dir', 'type', 'checked', 'disabled', 'class',
  ]);
  const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.|[^:]*$)/i;

  function sanitize(root) {
    for (const element of [...root.querySelectorAll('*')]) {
      if (!root.contains(element)) continue; // inside an element already dropped
      const tag = element.tagName.toUpperCase();
      if (DROP_WITH_CONTENT.has(tag) || (tag === 'INPUT' && element.getAttribute('type') !== 'checkbox')) {
        element.remove();
        continue;
      }
      if (!KEEP.has(tag)) {
        element.replaceWith(...element.childNodes);
        continue;
      }
      for (const { name, value } of [...element.attributes]) {
        const lower = name.toLowerCase();
        const keep =
          ATTRIBUTES.has(lower) &&
          (lower !== 'href' && lower !== 'src' ? true : SAFE_URL.test(value.trim())) &&
          // Only the language class survives: it is what marks a Mermaid block.
          (lower !== 'class' || (tag === 'CODE' && /^language-[\w-]+$/.test(value)));
        if (!keep) element.removeAttribute(name);
      }
      if (tag === 'INPUT') element.setAttribute('disabled', '');
    }
  }

  function withTimeout(promise, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  function round(n) {
    return Math.round(n * 100) / 100;
  }

  function text(node) {
    return (node.textContent || '').replace(/\s+/g, ' ').trim();
  }

  function enclosingDetails(node) {
    const details = node.parentElement && node.parentElement.closest('details');
    if (!details) return null;
    const summary = details.querySelector(':scope > summary');
    return summary ? text(summary) : '';
  }

  function chartKind(source) {
    for (const line of source.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('%%') || trimmed === '---') continue;
      return trimmed.split(/\s+/)[0];
    }
    return '';
  }

  async function renderCharts(body, columnWidth, chartTimeoutMs) {
    const blocks = [...body.querySelectorAll('pre > code.language-mermaid')];
    if (blocks.length === 0) return [];
    if (typeof window.mermaid === 'undefined') throw new Error('mermaid did not load into the page');
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true });
    const charts = [];
    for (const [index, code] of blocks.entries()) {
      const source = code.textContent || '';
      const pre = code.parentElement;
      const box = document.createElement('div');
      box.className = 'mermaid-chart';
      pre.replaceWith(box);
      const chart = { index, kind: chartKind(source), ok: false, error: null, width: 0, height: 0,
        naturalWidth: 0, naturalHeight: 0, fits: false, inDetails: enclosingDetails(box) };
      try {
        const { svg } = await withTimeout(window.mermaid.render(`chart-${index}`, source), chartTimeoutMs,
          `Mermaid chart ${index + 1}`);
        box.innerHTML = svg;
        const element = box.querySelector('svg');
        if (!element) throw new Error('Mermaid returned no <svg>');
        const rect = element.getBoundingClientRect();
        const viewBox = element.viewBox && element.viewBox.baseVal;
        chart.width = round(rect.width);
        chart.height = round(rect.height);
        chart.naturalWidth = round(viewBox && viewBox.width ? viewBox.width : rect.width);
        chart.naturalHeight = round(viewBox && viewBox.height ? viewBox.height : rect.height);
        if (chart.width === 0 || chart.height === 0) throw new Error('Mermaid drew an empty <svg>');
        chart.ok = true;
        chart.fits = rect.width <= columnWidth + 0.5 && box.scrollWidth <= box.clientWidth;
      } catch (error) {
        // What GitHub shows in place of a diagram it cannot draw; the text is Mermaid's own message.
        chart.error = String((error && error.message) || error);
        box.className = 'mermaid-error';
        box.textContent = 'Unable to render rich display';
        const detail = document.createElement('pre');
        detail.textContent = chart.error;
        box.append(detail);
        // Mermaid leaves its scratch element behind when it fails.
        for (const leftover of document.querySelectorAll(`#dchart-${index}, #chart-${index}`)) leftover.remove();
      }
      charts.push(chart);
    }
    return charts;
  }

  function measureTables(body) {
    return [...body.querySelectorAll('table')].map((table, index) => {
      const rows = [...table.rows];
      const headerRow = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0] : rows[0];
      const headers = headerRow ? [...headerRow.cells].map(text) : [];
      const columns = rows.reduce(
        (most, row) => Math.max(most, [...row.cells].reduce((n, cell) => n + (cell.colSpan || 1), 0)), 0);
      const firstHeader = headers[0] ?? '';
      return {
        index,
        label: `table ${index + 1} ("${firstHeader}", ${columns} columns)`,
        firstHeader,
        headers,
        columns,
        rows: table.tBodies.length > 0 ? [...table.tBodies].reduce((n, b) => n + b.rows.length, 0) : rows.length,
        scrollWidth: table.scrollWidth,
        clientWidth: table.clientWidth,
        // A table is a scrolling block at most as wide as the space it sits in (the column, or less inside a
        // list or quote): it overflows when its content is wider than that, i.e. the reader scrolls sideways.
        overflows: table.scrollWidth > table.clientWidth,
        inDetails: enclosingDetails(table),
      };
    });
  }

  // Images change the layout when they load or fail; measure once each has settled (or after a deadline).
  function settleImages(body, ms) {
    const pending = [...body.querySelectorAll('img')].filter((img) => !img.complete);
    const settled = pending.map(
      (img) => new Promise((resolve) => {
        img.addEventListener('load', resolve, { once: true });
        img.addEventListener('error', resolve, { once: true });
      }),
    );
    return withTimeout(Promise.all(settled), ms, 'images').catch(() => undefined);
  }

  function pageHeight() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  async function render(html, options) {
    const body = document.getElementById('comment');
    document.documentElement.style.setProperty('--column-width', `${options.width}px`);
    // Mermaid's scratch elements from an earlier comment, if any.
    for (const leftover of document.body.querySelectorAll(':scope > :not(main)')) leftover.remove();
    const template = document.createElement('template');
    // A template's content is inert: nothing in it runs or loads until it is sanitised and adopted.
    template.innerHTML = html;
    sanitize(template.content);
    body.replaceChildren(document.importNode(template.content, true));

    const details = [...body.querySelectorAll('details')];
    const initiallyOpen = details.map((d) => d.open);
    // Readers open the collapsed sections, so everything is drawn and measured with every <details> open.
    for (const d of details) d.open = true;
    await settleImages(body, options.imageTimeoutMs);
    const charts = await renderCharts(body, options.width, options.chartTimeoutMs);
    const tables = measureTables(body);
    const pageHeightOpen = pageHeight();
    details.forEach((d, i) => (d.open = initiallyOpen[i]));
    const pageHeightAsPosted = pageHeight();
    if (options.detailsInScreenshot === 'open') for (const d of details) d.open = true;
    return { tables, charts, detailsCount: details.length, pageHeight: pageHeightAsPosted, pageHeightOpen };
  }

  window.__commentHarness = { render };
})();
