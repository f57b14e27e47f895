/* newsgraph: the web UI.
 *
 * Hash-routed views over the JSON API, drawn with the DOM and SVG by this file
 * alone: no framework, no build step, no request to any other host. All data
 * goes through api(path, params). In a report (window.NEWSGRAPH_SNAPSHOT set
 * before this script runs) the same paths are answered from the snapshot, so
 * the page works from file:// with no server.
 *
 * Text from the data only ever enters the page as text nodes (textContent,
 * createTextNode), never as HTML. Offsets are Python string indices into a
 * document's raw text, i.e. UTF-16 code unit indices only for BMP text; see
 * pyIndex() for how they are mapped onto JavaScript strings.
 */
(function () {
  'use strict';

  const SNAP = window.NEWSGRAPH_SNAPSHOT || null;

  // ------------------------------------------------------------------ constants

  const QUAD = {
    AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
    REQUEST: 3, ACCUSE: 3, REJECT: 3, SANCTION: 3, THREATEN: 3,
    PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
  };
  const TYPES = Object.keys(QUAD);
  const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
  const QUAD_COLORS = { 1: '#3f7fbf', 2: '#2e8b57', 3: '#e08a2e', 4: '#c0392b' };
  const COPY_KINDS = ['exact', 'near', 'partial', 'spun', 'translated'];
  const COPY_COLORS = { exact: '#b42318', near: '#d9730d', partial: '#6d4fd8', spun: '#c11574', translated: '#0e7090' };
  const COPY_HELP = {
    exact: 'the same text', near: 'the same text, lightly edited', partial: 'a part of the text reused',
    spun: 'the text reworded sentence by sentence', translated: 'the text in another language',
  };
  const TONE = { coop: '#2e8b57', mixed: '#8a94a3', conf: '#c0392b' };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const DAY = 86400000;
  const SVGNS = 'http://www.w3.org/2000/svg';

  // ------------------------------------------------------------------ DOM helpers

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [key, value] of Object.entries(attrs)) {
      if (value == null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'text') node.textContent = String(value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function add(node, kids) {
    for (const kid of kids.flat(Infinity)) {
      if (kid == null || kid === false || kid === '') continue;
      node.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return node;
  }

  /** An HTML element: h('a', {href: '#/x', class: 'y'}, 'text', child, ...). Strings become text nodes. */
  function h(tag, attrs, ...kids) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    return add(node, kids);
  }

  /** An SVG element, the same way. */
  function s(tag, attrs, ...kids) {
    const node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    return add(node, kids);
  }

  function svgTitle(text) { return s('title', null, text); }

  // ------------------------------------------------------------------ offsets: Python code points vs UTF-16

  /** Offsets in the data count code points (Python); JavaScript strings count UTF-16 units. The two differ
   * only past a character outside the BMP (an emoji, say): toJs/toPy map one onto the other for ``text``. */
  function codec(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return { toJs: (i) => i, toPy: (i) => i, length: text.length };
    const js = [];
    let unit = 0;
    for (const ch of text) { js.push(unit); unit += ch.length; }
    js.push(unit);
    const py = new Int32Array(unit + 1);
    for (let i = 0, k = 0; i <= unit; i++) { while (k + 1 < js.length && js[k + 1] <= i) k++; py[i] = k; }
    return {
      toJs: (i) => js[Math.max(0, Math.min(js.length - 1, i))],
      toPy: (i) => py[Math.max(0, Math.min(unit, i))],
      length: js.length - 1,
    };
  }

  // ------------------------------------------------------------------ formatting

  const DASH = '\u2014';
  function fmt(value) { return value == null || value === '' ? DASH : String(value); }
  function num(n) { return n == null ? DASH : Number(n).toLocaleString('en-US'); }
  function plural(n, one, many) { return `${num(n)} ${n === 1 ? one : (many || one + 's')}`; }
  function basename(path) { return path ? String(path).split(/[\\/]/).pop() : ''; }
  function hostOf(url) { try { return url ? new URL(url).hostname : ''; } catch (e) { return ''; } }
  function docTitle(d) { return d.title || basename(d.source) || d.id || d.document_id || 'untitled'; }
  function publisherOf(d) { return d.publisher || hostOf(d.url) || null; }
  function truncate(text, n) { text = String(text || ''); return text.length > n ? text.slice(0, n - 1).trimEnd() + '\u2026' : text; }
  /** Days from a story's first to its last day, inclusive ('1 day' for one day; '' when unknown). */
  function daySpan(a, b) {
    if (!a || !b) return '';
    const days = Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86400000) + 1;
    return Number.isFinite(days) && days > 0 ? plural(days, 'day') : '';
  }
  function dateRange(a, b) { if (!a && !b) return DASH; if (!b || a === b) return fmt(a); if (!a) return fmt(b); return `${a} \u2013 ${b}`; }
  function actorCode(a) { return a.country || a.sector ? `${a.country || ''}${a.sector ? ':' + a.sector : ''}` : ''; }
  function actorNames(list) { return list && list.length ? list.map((a) => a.name).join(', ') : ''; }
  function score(v) { return v == null ? DASH : (v > 0 ? '+' : '') + Number(v).toFixed(1); }

  /** A hash link: href('people', {name: 'x'}) -> '#/people?name=x' (empty values left out). */
  function href(route, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value != null && value !== '' && value !== false) query.set(key, String(value));
    }
    const text = query.toString();
    return '#/' + route + (text ? '?' + text : '');
  }
  function docHref(id, start, end) {
    const hl = Number.isInteger(start) && Number.isInteger(end) ? `${start}-${end}` : null;
    return href('document/' + encodeURIComponent(id), { hl });
  }
  function link(url, ...kids) { return h('a', { href: url }, ...kids); }

  function kindBadge(kind) { return h('span', { class: `badge kind-${kind}`, title: COPY_HELP[kind] || kind }, kind); }
  function typeBadge(type, quad) {
    const q = quad || QUAD[type];
    return h('span', { class: `badge q${q}`, title: `${type}: ${QUAD_NAMES[q] || ''}` }, type);
  }

  // ------------------------------------------------------------------ data access

  class ApiError extends Error {
    constructor(code, message, hint, status) {
      super(message);
      this.code = code || 'ERROR';
      this.hint = hint || '';
      this.status = status || 0;
    }
  }

  /** The JSON of API path ``path`` (without /api/) with query ``params``: from the server, or the snapshot.
   * Views ask one request at a time: nothing here needs them in parallel. */
  function api(path, params) {
    const clean = {};
    for (const [key, value] of Object.entries(params || {})) {
      if (value != null && value !== '') clean[key] = String(value);
    }
    if (SNAP) {
      return new Promise((resolve, reject) => {
        try { resolve(Snapshot.answer(path, clean)); } catch (err) { reject(err); }
      });
    }
    const query = new URLSearchParams(clean).toString();
    return fetch('api/' + path + (query ? '?' + query : ''), { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        let body = null;
        try { body = await response.json(); } catch (e) { body = null; }
        if (!response.ok) {
          if (body && body.message) throw new ApiError(body.error, body.message, body.hint, response.status);
          throw new ApiError(`HTTP ${response.status}`, response.statusText || 'the request failed', '', response.status);
        }
        if (body == null) throw new ApiError('HTTP', 'the server sent no JSON', '');
        return body;
      }, (err) => {
        throw new ApiError('NETWORK', 'the server cannot be reached', String(err && err.message || err));
      });
  }

  // ------------------------------------------------------------------ report mode: the API over a snapshot

  const Snapshot = (function () {
    const MAX_LIMIT = 500;
    const WORD = '[\\p{L}\\p{N}_]';

    function fail(code, message, hint) { throw new ApiError(code, message, hint || '', code === 'E404' ? 404 : 400); }
    function notFound(what, key) {
      fail('E404', `no such ${what}: ${key}`, `list them at /api/${what.endsWith('s') ? what : what + 's'}`);
    }

    function integer(value, name, fallback, low, high) {
      if (value == null) return fallback;
      if (!/^-?\d+$/.test(value)) fail('E422', `${name}: Input should be a valid integer`, 'see /docs for the parameters');
      const n = Number(value);
      if (n < low || n > high) fail('E422', `${name}: Input should be between ${low} and ${high}`, 'see /docs for the parameters');
      return n;
    }
    function paging(p) {
      return { limit: integer(p.limit, 'limit', 50, 1, MAX_LIMIT), offset: integer(p.offset, 'offset', 0, 0, 1e9) };
    }
    function page(items, p) {
      const { limit, offset } = paging(p);
      return { total: items.length, limit, offset, items: items.slice(offset, offset + limit) };
    }
    function like(hay, needle) { return hay != null && String(hay).toLowerCase().includes(needle.toLowerCase()); }

    function lastDay(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
    function two(n) { return String(n).padStart(2, '0'); }
    /** [first day, last day] of a YYYY, YYYY-MM or YYYY-MM-DD value, or null. */
    function windowOf(value) {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || '');
      if (!m) return null;
      const year = Number(m[1]);
      if (!m[2]) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
      const month = Number(m[2]);
      if (month < 1 || month > 12) return null;
      if (!m[3]) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${two(lastDay(year, month))}`];
      const day = Number(m[3]);
      if (day < 1 || day > lastDay(year, month)) return null;
      return [value, value];
    }
    function bound(value, option, end) {
      if (value == null) return null;
      const w = windowOf(value.trim());
      if (!w) fail('E019', `bad date for ${option}: ${value}`, 'give YYYY, YYYY-MM or YYYY-MM-DD');
      return end ? w[1] : w[0];
    }
    function types(value) {
      if (!value) return [];
      const list = value.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
      for (const t of list) {
        if (!(t in QUAD)) fail('E020', `not a PLOVER event type: ${t}`, `one or more of ${TYPES.join(', ')}, comma-separated`);
      }
      return list;
    }

    /** Lower-case ASCII skeleton of a name, as the server folds names. */
    function fold(text) {
      let t = String(text || '').normalize('NFKD').replace(/\p{M}/gu, '');
      if (/['\u2019]s$/.test(t)) t = t.replace(/\u2019/g, "'").replace(/'s/g, '');
      return t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    }
    /** A test for actor references ({name, country, sector}) named by an actor spec: a name part, RUS, RUS:GOV. */
    function actorMatcher(spec) {
      spec = String(spec).trim();
      if (spec.includes(':')) {
        const i = spec.indexOf(':');
        const country = spec.slice(0, i).trim().toUpperCase(), sector = spec.slice(i + 1).trim().toUpperCase();
        return (a) => (!country || (a.country || '') === country) && (!sector || (a.sector || '') === sector);
      }
      const wanted = fold(spec), code = spec.toUpperCase();
      return (a) => (a.country || '') === code || (!!wanted && fold(a.name).includes(wanted));
    }

    /** The search terms of what a user typed: words, "phrases" and prefix* words. */
    function terms(text) {
      const out = [];
      for (const m of String(text).matchAll(/"([^"]*)"|([\p{L}\p{N}_]+\*?)/gu)) {
        if (m[1] !== undefined) {
          const words = m[1].match(/[\p{L}\p{N}_]+/gu);
          if (words) out.push({ words, prefix: false });
        } else if (m[2]) {
          const prefix = m[2].endsWith('*'), core = m[2].replace(/\*+$/, '');
          if (core) out.push({ words: [core], prefix });
        }
      }
      return out;
    }
    function escapeRe(t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
    function termRe(term) {
      const body = term.words.map(escapeRe).join('[^\\p{L}\\p{N}_]+');
      return new RegExp(`(?<!${WORD})${body}${term.prefix ? WORD + '*' : ''}(?!${WORD})`, 'giu');
    }
    /** [start, end] of every match of ``re`` in text[from, to), as offsets into text. */
    function matches(re, text, from, to) {
      const out = [], piece = text.slice(from, to);
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(piece))) {
        if (!m[0].length) { re.lastIndex++; continue; }
        out.push([from + m.index, from + m.index + m[0].length]);
      }
      return out;
    }

    // Documents: the kept body, searched range by range so offsets stay raw-text offsets. Matching runs
    // on JavaScript indices; what is returned is converted to Python offsets, as the server gives them.
    const codecs = new Map();
    // The report leaves each document's quotations out of its entry (they are all in SNAP.quotes,
    // once): they are put back here, in text order, the first time the document is asked for.
    function detail(id) {
      const doc = (SNAP.document || {})[id] || null;
      if (doc && !doc.quotations) {
        doc.quotations = (SNAP.quotes || []).filter((q) => q.document_id === id).sort((a, b) => a.start - b.start);
      }
      return doc;
    }
    function docCodec(id, text) {
      let c = codecs.get(id);
      if (!c) codecs.set(id, c = codec(text));
      return c;
    }
    function documentMatch(summary, found) {
      const doc = detail(summary.id);
      const c = doc ? docCodec(summary.id, doc.text) : null;
      let hits = [], inTitle = 0;
      for (const term of found) {
        const re = termRe(term);
        const t = summary.title ? matches(re, summary.title, 0, summary.title.length).length : 0;
        const b = [];
        if (doc) for (const [start, end] of doc.kept || []) b.push(...matches(re, doc.text, c.toJs(start), c.toJs(end)));
        if (!t && !b.length) return null;
        inTitle += t;
        hits = hits.concat(b);
      }
      hits.sort((x, y) => x[0] - y[0]);
      return { doc, c, hits, rank: hits.length + 4 * inTitle };
    }
    function snippet(doc, c, hits) {
      if (!doc || !(doc.kept || []).length) return { snippet: '', marks: [], spans: [] };
      const text = doc.text;
      const kept = doc.kept.map(([a, b]) => [c.toJs(a), c.toJs(b)]);
      let range = kept[0], at = range[0];
      if (hits.length) {
        at = hits[0][0];
        range = kept.find(([a, b]) => a <= at && at < b) || range;
      }
      const [ks, ke] = range;
      let start = Math.max(ks, at - 80), end = Math.min(ke, at + 170);
      if (start > ks) { const sp = text.indexOf(' ', start); if (sp >= 0 && sp < at) start = sp + 1; }
      if (end < ke) { const sp = text.lastIndexOf(' ', end); if (sp > at) end = sp; }
      if (start > ks && /[\uDC00-\uDFFF]/.test(text[start] || '')) start += 1;
      if (end < ke && /[\uDC00-\uDFFF]/.test(text[end] || '')) end += 1;
      const lead = start > ks ? '\u2026' : '', tail = end < ke ? '\u2026' : '';
      const inside = hits.filter(([a, b]) => a >= start && b <= end);
      const base = c.toPy(start);
      return {
        snippet: lead + text.slice(start, end) + tail,
        marks: inside.map(([a, b]) => [lead.length + c.toPy(a) - base, lead.length + c.toPy(b) - base]),
        spans: inside.map(([a, b]) => [c.toPy(a), c.toPy(b)]),
      };
    }

    function quoteMatch(quote, found) {
      let hits = [];
      for (const term of found) {
        const m = matches(termRe(term), quote.text, 0, quote.text.length);
        if (!m.length) return null;
        hits = hits.concat(m);
      }
      return hits.sort((x, y) => x[0] - y[0]);
    }

    function eventWindow(e) {
      if (e.date_first && e.date_last) return [e.date_first, e.date_last];
      return e.date ? windowOf(e.date) : null;
    }

    function filterEvents(p) {
      let list = SNAP.events || [];
      const wanted = types(p.type);
      const low = bound(p.date_from, 'date_from'), high = bound(p.date_to, 'date_to', true);
      if (p.actor) { const m = actorMatcher(p.actor); list = list.filter((e) => e.actor.some(m)); }
      if (p.recipient) { const m = actorMatcher(p.recipient); list = list.filter((e) => e.recipient.some(m)); }
      if (wanted.length) list = list.filter((e) => wanted.includes(e.type));
      if (low) list = list.filter((e) => { const w = eventWindow(e); return w && w[1] >= low; });
      if (high) list = list.filter((e) => { const w = eventWindow(e); return w && w[0] <= high; });
      if (p.source) list = list.filter((e) => e.evidence.some((ev) => like(ev.source, p.source)));
      if (p.document) list = list.filter((e) => e.evidence.some((ev) => ev.document === p.document));
      return list;
    }

    function actorKey(a) { return `${a.name}\u0001${a.country || ''}\u0001${a.sector || ''}`; }

    function network(p) {
      const wanted = types(p.type);
      const low = bound(p.date_from, 'date_from'), high = bound(p.date_to, 'date_to', true);
      const limit = integer(p.edges, 'edges', 150, 1, 2000);
      if (!wanted.length && !low && !high && SNAP.network) {
        const edges = SNAP.network.edges.slice(0, limit);
        const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
        return { nodes: SNAP.network.nodes.filter((n) => ids.has(n.id)), edges };
      }
      const ids = new Map((SNAP.actors || []).map((a) => [actorKey(a), a]));
      const pairs = new Map();
      for (const e of filterEvents({ type: p.type, date_from: p.date_from, date_to: p.date_to })) {
        if (e.negated || e.hypothetical) continue;
        for (const a of e.actor) {
          for (const r of e.recipient) {
            const from = ids.get(actorKey(a)), to = ids.get(actorKey(r));
            if (!from || !to) continue;
            const key = `${from.id},${to.id}`;
            let edge = pairs.get(key);
            if (!edge) pairs.set(key, edge = { source: from.id, target: to.id, events: 0, cooperation: 0, conflict: 0, sum: 0 });
            edge.events += 1;
            edge.sum += e.score || 0;
            edge[QUAD[e.type] <= 2 ? 'cooperation' : 'conflict'] += 1;
          }
        }
      }
      const edges = [...pairs.values()]
        .sort((x, y) => y.events - x.events || x.source - y.source || x.target - y.target).slice(0, limit)
        .map((e) => ({ source: e.source, target: e.target, events: e.events, cooperation: e.cooperation,
          conflict: e.conflict, mean_score: Math.round(e.sum / e.events * 1000) / 1000 }));
      const nodes = (SNAP.actors || []).filter((a) => edges.some((e) => e.source === a.id || e.target === a.id))
        .map((a) => ({ id: a.id, name: a.name, country: a.country, sector: a.sector,
          events: edges.filter((e) => e.source === a.id || e.target === a.id).reduce((n, e) => n + e.events, 0) }))
        .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      return { nodes, edges };
    }

    // The relation between two actors and its weekly or monthly series (as query/relations.py).
    function isoWeek(day) {
      const [y, m, d] = day.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      const weekday = (date.getUTCDay() + 6) % 7;
      date.setUTCDate(date.getUTCDate() - weekday + 3);
      const year = date.getUTCFullYear();
      const jan4 = new Date(Date.UTC(year, 0, 4));
      const week = 1 + Math.round(((date - jan4) / DAY - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
      return `${year}-W${two(week)}`;
    }
    function periodOf(first, last, by) {
      if (!first || !last) return null;
      if (by === 'month') return first.slice(0, 7) === last.slice(0, 7) ? first.slice(0, 7) : null;
      if (first.length !== 10 || last.length !== 10) return null;
      const a = isoWeek(first);
      return a === isoWeek(last) ? a : null;
    }
    function place(e, by) {
      const day = e.date, precision = e.date_precision;
      if (day && precision === 'day' && day.length === 10) return periodOf(day, day, by);
      if (day && precision === 'month' && day.length === 7) return by === 'month' ? day : null;
      const w = eventWindow(e);
      return w ? periodOf(w[0], w[1], by) : null;
    }
    function nextPeriod(period, by) {
      if (by === 'month') {
        const year = Number(period.slice(0, 4)), month = Number(period.slice(5, 7));
        return `${year + Math.floor(month / 12)}-${two((month % 12) + 1)}`;
      }
      const year = Number(period.slice(0, 4)), week = Number(period.slice(6));
      const jan4 = new Date(Date.UTC(year, 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY + ((week - 1) * 7 + 7) * DAY);
      return isoWeek(monday.toISOString().slice(0, 10));
    }
    function round3(x) { return Math.round(x * 1000) / 1000; }
    function series(events, by) {
      const out = { periods: [], unplaced: 0, left_out: 0 };
      const buckets = new Map();
      for (const e of events) {
        if (e.negated || e.hypothetical) { out.left_out += 1; continue; }
        const period = place(e, by);
        if (!period) { out.unplaced += 1; continue; }
        if (!buckets.has(period)) buckets.set(period, []);
        buckets.get(period).push(e);
      }
      if (!buckets.size) return out;
      const keys = [...buckets.keys()].sort();
      let period = keys[0];
      const end = keys[keys.length - 1];
      for (let guard = 0; guard < 100000; guard++) {
        const group = buckets.get(period) || [];
        const scores = group.map((e) => e.score || 0);
        const sum = scores.reduce((a, b) => a + b, 0);
        out.periods.push({
          period, count: group.length, mean_score: scores.length ? round3(sum / scores.length) : null,
          sum_score: round3(sum), cooperation: group.filter((e) => e.quad <= 2).length,
          conflict: group.filter((e) => e.quad >= 3).length,
        });
        if (period === end) break;
        period = nextPeriod(period, by);
      }
      return out;
    }
    function relation(p) {
      for (const key of ['a', 'b']) if (!p[key]) fail('E422', `${key}: Field required`, 'see /docs for the parameters');
      const by = p.by || 'month';
      if (by !== 'week' && by !== 'month') fail('E422', "by: Input should be 'week' or 'month'", 'see /docs for the parameters');
      const low = bound(p.date_from, 'date_from'), high = bound(p.date_to, 'date_to', true);
      const limit = integer(p.limit, 'limit', 500, 1, 5000);
      const ma = actorMatcher(p.a), mb = actorMatcher(p.b);
      const found = [];
      for (const e of SNAP.events || []) {
        let direction = null;
        if (e.actor.some(ma) && e.recipient.some(mb)) direction = 'A->B';
        else if (e.actor.some(mb) && e.recipient.some(ma)) direction = 'B->A';
        else if (e.actor.some(ma) && e.actor.some(mb) && e.actor.filter((a) => ma(a) || mb(a)).length > 1) direction = 'A+B';
        if (!direction) continue;
        const w = eventWindow(e);
        if (low && !(w && w[1] >= low)) continue;
        if (high && !(w && w[0] <= high)) continue;
        found.push({
          id: e.id, date: e.date, date_precision: e.date_precision, date_first: w ? w[0] : null, date_last: w ? w[1] : null,
          type: e.type, mode: e.mode, quad: e.quad || QUAD[e.type], direction, score: e.score, reports: e.reports,
          negated: e.negated, hypothetical: e.hypothetical, actor: e.actor, recipient: e.recipient, evidence: e.evidence,
        });
        if (found.length >= limit) break;
      }
      const figures = series(found, by);
      found.forEach((e) => { delete e.date_first; delete e.date_last; });
      return { a: p.a, b: p.b, by, events: found, series: figures.periods, unplaced: figures.unplaced, left_out: figures.left_out };
    }

    function byPublished(x, y) {
      if ((x.published == null) !== (y.published == null)) return x.published == null ? 1 : -1;
      if (x.published !== y.published) return x.published < y.published ? -1 : 1;
      if (x.source !== y.source) return x.source < y.source ? -1 : 1;
      return x.start - y.start;
    }

    function speakerIds(name) {
      return new Set((SNAP.people || []).filter((p) => like(p.name, name) || p.aliases.some((a) => like(a, name))).map((p) => p.id));
    }

    const routes = {
      health: () => ({ status: 'ok', schema_version: 0, documents: (SNAP.documents || []).length, writable: false }),
      summary: () => SNAP.summary,
      documents(p, id) {
        if (id != null) return detail(id) || notFound('document', id);
        let list = SNAP.documents || [];
        const low = bound(p.date_from, 'date_from'), high = bound(p.date_to, 'date_to', true);
        if (p.source) list = list.filter((d) => like(d.source, p.source));
        if (p.publisher) list = list.filter((d) => d.publisher === p.publisher);
        if (p.story != null) { const sid = integer(p.story, 'story', null, -1e12, 1e12); list = list.filter((d) => d.story === sid); }
        if (low) list = list.filter((d) => d.published && d.published >= low);
        if (high) list = list.filter((d) => d.published && d.published <= high);
        if (p.q) { const found = terms(p.q); list = found.length ? list.filter((d) => documentMatch(d, found)) : []; }
        return page(list, p);
      },
      people(p, id) {
        if (id != null) {
          const pid = integer(id, 'person_id', null, -1e12, 1e12);
          const person = (SNAP.people || []).find((x) => x.id === pid) || notFound('people', id);
          return { ...person, quotes: (SNAP.quotes || []).filter((q) => q.speaker_id === pid).sort(byPublished) };
        }
        let list = SNAP.people || [];
        if (p.name) list = list.filter((x) => like(x.name, p.name) || x.aliases.some((a) => like(a, p.name)));
        if (p.country) list = list.filter((x) => x.country === p.country.toUpperCase());
        if (p.quoted === 'true') list = list.filter((x) => x.quote_count > 0);
        return page(list, p);
      },
      quotes(p) {
        let list = SNAP.quotes || [];
        if (p.speaker) { const ids = speakerIds(p.speaker); list = list.filter((q) => ids.has(q.speaker_id)); }
        if (p.speaker_id != null) { const sid = integer(p.speaker_id, 'speaker_id', null, -1e12, 1e12); list = list.filter((q) => q.speaker_id === sid); }
        if (p.document) list = list.filter((q) => q.document_id === p.document);
        if (p.source) list = list.filter((q) => like(q.source, p.source));
        if (p.kind) {
          if (!['direct', 'indirect', 'mixed'].includes(p.kind)) fail('E422', "kind: Input should be 'direct', 'indirect' or 'mixed'", 'see /docs for the parameters');
          list = list.filter((q) => q.kind === p.kind);
        }
        if (p.q) { const found = terms(p.q); list = found.length ? list.filter((q) => quoteMatch(q, found)) : []; }
        return page(list, p);
      },
      events: (p) => page(filterEvents(p), p),
      actors(p) {
        let list = SNAP.actors || [];
        if (p.name) list = list.filter((a) => like(a.name, p.name));
        if (p.country) list = list.filter((a) => a.country === p.country.toUpperCase());
        if (p.sector) list = list.filter((a) => a.sector === p.sector.toUpperCase());
        return page(list, p);
      },
      network,
      relations: relation,
      stories(p, id) {
        if (id != null) return (SNAP.story || {})[id] || notFound('stories', id);
        let list = SNAP.stories || [];
        if (p.source) list = list.filter((st) => ((SNAP.story || {})[st.id] || { members: [] }).members.some((d) => like(d.source, p.source)));
        return page(list, p);
      },
      copies(p) {
        let list = SNAP.copies || [];
        if (p.kind) {
          const kinds = p.kind.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
          for (const k of kinds) if (!COPY_KINDS.includes(k)) fail('E422', `not a copy kind: ${k}`, `one or more of ${COPY_KINDS.join(', ')}`);
          list = list.filter((c) => kinds.includes(c.kind));
        }
        if (p.source) list = list.filter((c) => like(c.source, p.source) || like(c.original, p.source));
        if (p.document) list = list.filter((c) => c.document_id === p.document || c.original_id === p.document);
        return page(list, p);
      },
      statements(p) {
        let list = SNAP.statements || [];
        const least = integer(p.min_sources, 'min_sources', 1, 1, 10000);
        list = list.filter((st) => st.sources >= least);
        if (p.speaker_id != null) { const sid = integer(p.speaker_id, 'speaker_id', null, -1e12, 1e12); list = list.filter((st) => st.speaker_id === sid); }
        return page(list, p);
      },
      search(p) {
        if (!p.q) fail('E422', 'q: Field required', 'see /docs for the parameters');
        const scope = p.scope || 'documents';
        if (scope !== 'documents' && scope !== 'quotes') fail('E422', "scope: Input should be 'documents' or 'quotes'", 'see /docs for the parameters');
        const found = terms(p.q);
        if (!found.length) return page([], p);
        const hits = [];
        if (scope === 'documents') {
          (SNAP.documents || []).forEach((d, order) => {
            const m = documentMatch(d, found);
            if (!m) return;
            hits.push({ rank: m.rank, order, hit: {
              kind: 'document', document_id: d.id, source: d.source, title: d.title, publisher: d.publisher,
              published: d.published, ...snippet(m.doc, m.c, m.hits), quote: null } });
          });
        } else {
          (SNAP.quotes || []).forEach((q, order) => {
            const found16 = quoteMatch(q, found);
            if (!found16) return;
            const c = codec(q.text);
            const m = found16.map(([a, b]) => [c.toPy(a), c.toPy(b)]);
            hits.push({ rank: m.length, order, hit: {
              kind: 'quote', document_id: q.document_id, source: q.source, title: q.title, publisher: q.publisher,
              published: q.published, snippet: q.text, marks: m, spans: m.map(([a, b]) => [q.start + a, q.start + b]), quote: q } });
          });
        }
        hits.sort((x, y) => y.rank - x.rank || x.order - y.order);
        return page(hits.map((x) => x.hit), p);
      },
    };

    function answer(path, params) {
      const parts = String(path).replace(/^\/+/, '').replace(/^api\//, '').split('/');
      const route = routes[parts[0]];
      if (!route) fail('E404', `no such API path in this report: /api/${path}`, 'the report holds a snapshot of the main views only');
      const id = parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : null;
      if (id != null && !['documents', 'people', 'stories'].includes(parts[0])) fail('E404', `no such API path: /api/${path}`, '');
      return route(params, id);
    }

    return { answer, fold, actorMatcher, terms };
  })();

  // ------------------------------------------------------------------ small building blocks

  function errorLine(err) {
    const code = err && err.code ? err.code : 'ERROR';
    const message = err && err.message ? err.message : String(err);
    const hint = err && err.hint ? err.hint : '';
    return h('p', { class: 'error', role: 'alert', title: [code, message, hint].filter(Boolean).join(' \u2014 ') },
      h('span', { class: 'code' }, code), message, hint ? h('span', { class: 'hint' }, ` \u2014 ${hint}`) : null);
  }

  function table(headers, rows, cls) {
    return h('table', { class: 'list' + (cls ? ' ' + cls : '') },
      h('thead', null, h('tr', null, headers.map((col) => {
        const c = typeof col === 'string' ? { label: col } : col;
        return h('th', { class: c.cls || null, scope: 'col' }, c.label);
      }))),
      h('tbody', null, rows.map((row) => h('tr', null, row.map((cell, i) => {
        const c = typeof headers[i] === 'string' ? {} : headers[i];
        return h('td', { class: c.cls || null }, cell);
      })))));
  }

  function intParam(query, name, fallback) {
    const v = query.get(name);
    return v != null && /^\d+$/.test(v) ? Number(v) : (fallback || 0);
  }

  /** "1–25 of 67" with previous and next links that change ?offset in the current hash. */
  function pager(pg, ctx) {
    const { total, limit, offset } = pg;
    const shown = pg.items.length;
    const from = shown ? offset + 1 : 0, to = offset + shown;
    const nav = h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('span', { class: 'count' }, total ? `${num(from)}\u2013${num(to)} of ${num(total)}` : 'nothing found'));
    if (total > limit || offset > 0) {
      const prev = Math.max(0, offset - limit), next = offset + limit;
      nav.append(
        h('a', { class: 'button quiet prev', href: ctx.with({ offset: prev || null }), 'aria-disabled': offset > 0 ? null : 'true', rel: 'prev' }, '\u2190 Previous'),
        h('a', { class: 'button quiet next', href: ctx.with({ offset: next }), 'aria-disabled': next < total ? null : 'true', rel: 'next' }, 'Next \u2192'));
    }
    return nav;
  }

  /** A filter form whose submit puts its fields in the hash of ``route``. */
  function filterForm(route, fields, query, keep) {
    const form = h('form', { class: 'filters', role: 'search' });
    for (const f of fields) {
      const value = query.get(f.name) || '';
      let input;
      if (f.type === 'select') {
        input = h('select', { name: f.name });
        for (const opt of f.options) {
          if (opt.group) {
            const group = h('optgroup', { label: opt.group });
            for (const o of opt.options) group.append(h('option', { value: o.value, selected: o.value === value }, o.label));
            input.append(group);
          } else {
            input.append(h('option', { value: opt.value, selected: opt.value === value }, opt.label));
          }
        }
        if (value && !input.querySelector(`option[value="${CSS.escape(value)}"]`)) input.append(h('option', { value, selected: true }, value));
        form.append(h('label', null, f.label, input));
      } else if (f.type === 'checkbox') {
        input = h('input', { type: 'checkbox', name: f.name, value: 'true', checked: value === 'true' });
        form.append(h('label', { class: 'check' }, input, f.label));
      } else {
        input = h('input', { type: f.type || 'text', name: f.name, value, placeholder: f.placeholder || '', class: f.cls || null, autocomplete: 'off', spellcheck: 'false' });
        form.append(h('label', null, f.label, input));
      }
    }
    const clear = {};
    for (const k of keep || []) if (query.get(k)) clear[k] = query.get(k);
    form.append(h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'),
      h('a', { class: 'button quiet', href: href(route, clear) }, 'Clear')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const params = {};
      for (const k of keep || []) if (query.get(k)) params[k] = query.get(k);
      for (const f of fields) {
        const el = form.elements[f.name];
        if (f.type === 'checkbox') params[f.name] = el.checked ? 'true' : null;
        else params[f.name] = el.value.trim();
      }
      go(href(route, params));
    });
    return form;
  }

  function summaryCards(sm) {
    const card = (n, label, url) => h('a', { class: 'stat', href: url }, h('span', { class: 'n' }, num(n)), h('span', { class: 'l' }, label));
    return h('div', { class: 'cards' },
      card(sm.documents, 'documents', '#/documents'),
      card(sm.publishers, 'publishers', '#/documents'),
      card(sm.stories, 'stories', '#/stories'),
      card(sm.quotes, 'quotations', '#/quotes'),
      card(sm.people, 'people', '#/people'),
      card(sm.events, 'events', '#/events'),
      card(sm.actors, 'actors', '#/network'),
      card(sm.copies, 'copies', '#/stories'),
      h('span', { class: 'stat wide' }, h('span', { class: 'n' }, dateRange(sm.first, sm.last)), h('span', { class: 'l' }, 'published')));
  }

  function quoteCard(q, options) {
    const opts = options || {};
    const speaker = q.speaker_id != null && q.speaker
      ? h('a', { href: href('person/' + q.speaker_id), class: 'strong' }, q.speaker)
      : h('span', { class: 'faint' }, q.speaker_mention ? `unresolved: \u201c${q.speaker_mention}\u201d` : 'unattributed');
    return h('article', { class: 'card quote', 'data-quote': q.id },
      h('blockquote', null, q.text),
      h('div', { class: 'meta' },
        opts.speaker === false ? null : speaker,
        h('span', { class: 'badge' }, q.kind),
        q.cue ? h('span', null, `cue \u201c${q.cue}\u201d`) : null,
        link(docHref(q.document_id), truncate(docTitle(q), 80)),
        publisherOf(q) ? h('span', null, publisherOf(q)) : null,
        h('span', { class: 'nowrap' }, fmt(q.published)),
        h('a', { class: 'open quote-link', href: docHref(q.document_id, q.start, q.end), title: `characters ${q.start}\u2013${q.end} of the raw text` }, 'show in article \u2192')));
  }

  function actorList(list, role) {
    if (!list || !list.length) return h('span', { class: 'nobody' }, role === 'actor' ? 'someone' : 'no recipient');
    return list.map((a, i) => [i ? ', ' : '',
      h('a', { href: href('events', { [role]: a.name }), class: 'strong', title: actorCode(a) ? `${a.name} (${actorCode(a)})` : a.name }, a.name),
      actorCode(a) ? h('span', { class: 'faint small' }, ` ${actorCode(a)}`) : null]);
  }

  /** The evidence sentence with its trigger word in bold (split at offsets, relative to the sentence). */
  function sentenceNodes(ev) {
    const text = ev.text || '';
    const c = codec(text);
    const a = ev.trigger_start - ev.start, b = ev.trigger_end - ev.start;
    if (ev.end - ev.start === c.length && a >= 0 && b > a && b <= c.length) {
      const ja = c.toJs(a), jb = c.toJs(b);
      return [text.slice(0, ja), h('b', null, text.slice(ja, jb)), text.slice(jb)];
    }
    return [text];
  }

  function evidenceList(evidence) {
    return h('ol', { class: 'evidence' }, evidence.map((ev) => {
      const publisher = ev.publisher && ev.publisher !== ev.document ? ev.publisher : basename(ev.source);
      return h('li', null,
        h('a', { class: 'sentence evidence-link', href: docHref(ev.document, ev.start, ev.end), title: `open the article at characters ${ev.start}\u2013${ev.end}` }, sentenceNodes(ev)),
        h('span', { class: 'src' }, [publisher, ev.published, ev.date ? `event dated ${ev.date} (${ev.date_source})` : null, ev.location, ev.statement ? 'in a quotation' : null].filter(Boolean).join(' \u00b7 ')));
    }));
  }

  function eventFlags(e) {
    return ['negated', 'hypothetical', 'future', 'historical'].filter((k) => e[k]).map((k) => h('span', { class: 'badge flag' }, k));
  }

  function eventCard(e, options) {
    const opts = options || {};
    const quad = e.quad || QUAD[e.type];
    const direction = e.direction ? h('span', { class: 'badge', title: 'direction between A and B' }, e.direction.replace('->', '\u2192')) : null;
    return h('article', { class: `card event q${quad}`, id: opts.anchor === false ? null : `event-${e.id}`, 'data-event': e.id },
      h('div', { class: 'event-head' },
        direction,
        h('span', null, actorList(e.actor, 'actor')),
        h('span', { class: 'arrow' }, '\u2192'),
        typeBadge(e.type, quad), e.mode ? h('span', { class: 'muted small' }, e.mode) : null,
        h('span', { class: 'arrow' }, '\u2192'),
        h('span', null, actorList(e.recipient, 'recipient'))),
      h('div', { class: 'meta' },
        h('span', { class: 'nowrap strong' }, e.date ? `${e.date}${e.date_precision && e.date_precision !== 'day' ? ` (${e.date_precision})` : ''}` : 'undated'),
        h('span', null, QUAD_NAMES[quad]),
        h('span', null, plural(e.reports, 'report')),
        e.publishers != null ? h('span', null, plural(e.publishers, 'publisher')) : null,
        e.sources != null ? h('span', null, plural(e.sources, 'independent source')) : null,
        h('span', { title: 'PLOVER cooperation (+) / conflict (\u2212) score' }, `score ${score(e.score)}`),
        (e.context || []).length ? h('span', null, e.context.join(', ')) : null,
        eventFlags(e)),
      evidenceList(e.evidence || []));
  }

  function put(node, ...kids) { add(node, kids); }
  function empty(text, ...more) { return h('p', { class: 'empty' }, text, ...more); }

  // ------------------------------------------------------------------ time scale helpers (UTC days)

  function dayMs(text) { const [y, m, d] = text.split('-').map(Number); return Date.UTC(y, (m || 1) - 1, d || 1); }
  /** Where an event goes on the time axis: its date (a day, month or year), or its window when the date is
   * missing or a week (a date taken from the publication day may carry a wider window, but is that day). */
  function windowMs(e) {
    const d = e.date;
    const dated = d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);
    if (e.date_first && e.date_last && (!dated || e.date_precision === 'week')) return [dayMs(e.date_first), dayMs(e.date_last) + DAY];
    if (!dated) return null;
    const y = Number(d.slice(0, 4));
    if (d.length === 4) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
    const m = Number(d.slice(5, 7)) - 1;
    if (d.length === 7) return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)];
    return [dayMs(d), dayMs(d) + DAY];
  }
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  const TICK_STEPS = [[1, 'day'], [2, 'day'], [7, 'day'], [14, 'day'], [1, 'month'], [2, 'month'], [3, 'month'], [6, 'month'],
    [1, 'year'], [2, 'year'], [5, 'year'], [10, 'year'], [20, 'year'], [50, 'year'], [100, 'year']];
  const UNIT_DAYS = { day: 1, month: 30.44, year: 365.25 };
  function timeTicks(t0, t1, most) {
    const span = (t1 - t0) / DAY;
    const [step, unit] = TICK_STEPS.find(([n, u]) => span / (n * UNIT_DAYS[u]) <= (most || 10)) || TICK_STEPS[TICK_STEPS.length - 1];
    const ticks = [];
    const start = new Date(t0);
    if (unit === 'year') {
      let y = Math.ceil(start.getUTCFullYear() / step) * step;
      for (let t = Date.UTC(y, 0, 1); t <= t1; y += step, t = Date.UTC(y, 0, 1)) if (t >= t0) ticks.push({ t, label: String(y) });
    } else if (unit === 'month') {
      let y = start.getUTCFullYear(), m = start.getUTCMonth();
      m = Math.ceil(m / step) * step;
      for (let guard = 0; guard < 500; guard++, m += step) {
        const t = Date.UTC(y, m, 1);
        if (t > t1) break;
        const d = new Date(t);
        if (t >= t0) ticks.push({ t, label: d.getUTCMonth() === 0 || !ticks.length ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()] });
      }
    } else {
      let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
      if (step === 7 || step === 14) t += ((8 - new Date(t).getUTCDay()) % 7) * DAY; // Mondays
      for (let guard = 0; t <= t1 && guard < 500; t += step * DAY, guard++) {
        if (t < t0) continue;
        const d = new Date(t);
        const first = !ticks.length || d.getUTCDate() <= step;
        ticks.push({ t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${first ? ' ' + d.getUTCFullYear() : ''}` });
      }
    }
    return ticks;
  }

  // ------------------------------------------------------------------ events timeline (SVG)

  function timeline(events, onPick) {
    const dated = [], undated = [];
    for (const e of events) { const w = windowMs(e); if (w) dated.push({ e, w, mid: (w[0] + w[1]) / 2 }); else undated.push(e); }
    const wrap = h('div', { class: 'chart-wrap timeline' });
    const detail = h('div', { class: 'timeline-detail' });
    let focus = null;
    let full = null;
    if (dated.length) {
      full = [Math.min(...dated.map((d) => d.w[0])), Math.max(...dated.map((d) => d.w[1]))];
      // A window holding 80% of the dated events; zoom there when the whole range would squash them.
      const mids = dated.map((d) => d.mid).sort((a, b) => a - b);
      const k = Math.ceil(mids.length * 0.8);
      if (mids.length >= 6) {
        let best = null;
        for (let i = 0; i + k - 1 < mids.length; i++) {
          const span = mids[i + k - 1] - mids[i];
          if (!best || span < best[1] - best[0]) best = [mids[i], mids[i + k - 1]];
        }
        const inside = dated.filter((d) => d.mid >= best[0] && d.mid <= best[1]);
        const lo = Math.min(...inside.map((d) => d.w[0])), hi = Math.max(...inside.map((d) => d.w[1]));
        if ((full[1] - full[0]) > 5 * Math.max(hi - lo, 14 * DAY)) focus = [lo, hi];
      }
    }
    let zoomed = !!focus;
    let picked = null; // a window dragged out on the chart
    const chartBox = h('div');
    const note = h('div', { class: 'chart-note' });

    function draw() {
      chartBox.replaceChildren();
      note.replaceChildren();
      if (!dated.length) {
        chartBox.append(empty('None of these events has a date to place on a time axis.'));
        return;
      }
      let [t0, t1] = picked || (zoomed ? focus : full);
      const pad = picked ? 0 : Math.max((t1 - t0) * 0.03, DAY / 2);
      t0 -= pad; t1 += pad;
      const W = 960, ML = 150, MR = 16, MT = 8, LANE = 15, BANDPAD = 8;
      const x = (t) => ML + (t - t0) / (t1 - t0) * (W - ML - MR);
      const shown = dated.filter((d) => d.w[1] >= t0 && d.w[0] <= t1);
      const bands = [1, 2, 3, 4].map((q) => ({ q, items: shown.filter((d) => (d.e.quad || QUAD[d.e.type]) === q) }));
      let y = MT;
      for (const band of bands) {
        const lanes = [];
        band.items.sort((a, b) => a.w[0] - b.w[0] || a.w[1] - b.w[1]);
        for (const d of band.items) {
          const x0 = Math.max(ML, x(d.w[0])), x1 = Math.min(W - MR, x(d.w[1]));
          d.point = x1 - x0 < 10;
          d.x0 = d.point ? (x0 + x1) / 2 - 5 : x0;
          d.x1 = d.point ? (x0 + x1) / 2 + 5 : x1;
          let lane = lanes.findIndex((end) => end + 2 <= d.x0);
          if (lane < 0) { lane = lanes.length; lanes.push(0); }
          lanes[lane] = d.x1;
          d.lane = lane;
        }
        band.y = y;
        band.height = Math.max(1, lanes.length) * LANE + BANDPAD * 2;
        y += band.height;
      }
      const plotBottom = y;
      const H = plotBottom + 34;
      const svg = s('svg', { class: 'chart timeline-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Timeline of ${shown.length} events` });
      const clip = 'tl-clip';
      svg.append(s('defs', null, s('clipPath', { id: clip }, s('rect', { x: ML, y: 0, width: W - ML - MR, height: H }))));
      const grid = s('g', { class: 'grid' });
      const axis = s('g', { class: 'axis' });
      for (const tick of timeTicks(t0, t1, 9)) {
        const tx = x(tick.t);
        grid.append(s('line', { x1: tx, x2: tx, y1: MT, y2: plotBottom }));
        axis.append(s('line', { x1: tx, x2: tx, y1: plotBottom, y2: plotBottom + 5 }),
          s('text', { class: 'tick', x: tx, y: plotBottom + 18, 'text-anchor': 'middle' }, tick.label));
      }
      axis.append(s('line', { x1: ML, x2: W - MR, y1: plotBottom, y2: plotBottom }));
      svg.append(grid, axis);
      const marks = s('g', { 'clip-path': `url(#${clip})` });
      for (const band of bands) {
        svg.append(
          s('rect', { x: 0, y: band.y, width: W, height: band.height, fill: band.q % 2 ? '#fbfcfd' : '#ffffff', opacity: 0.9 }),
          s('rect', { x: 10, y: band.y + band.height / 2 - 5, width: 10, height: 10, rx: 2, fill: QUAD_COLORS[band.q] }),
          s('text', { class: 'band-label', x: 26, y: band.y + band.height / 2 + 4 }, QUAD_NAMES[band.q]),
          s('line', { x1: 0, x2: W, y1: band.y + band.height, y2: band.y + band.height, stroke: '#eceff3' }));
        for (const d of band.items) {
          const cy = band.y + BANDPAD + d.lane * LANE + LANE / 2;
          const color = QUAD_COLORS[band.q];
          const label = `${d.e.date} \u00b7 ${actorNames(d.e.actor) || 'someone'} ${d.e.type} ${actorNames(d.e.recipient)}`.trim();
          const g = s('g', { class: 'mark', 'data-event': d.e.id, tabindex: 0, role: 'button', 'aria-label': label }, svgTitle(label));
          if (d.point) g.append(s('circle', { cx: (d.x0 + d.x1) / 2, cy, r: 5, fill: color, stroke: '#fff', 'stroke-width': 1 }));
          else g.append(s('rect', { x: d.x0, y: cy - 4.5, width: d.x1 - d.x0, height: 9, rx: 4.5, fill: color, 'fill-opacity': 0.45, stroke: color, 'stroke-width': 1 }));
          const pick = () => {
            svg.querySelectorAll('.mark.on').forEach((m) => m.classList.remove('on'));
            g.classList.add('on');
            onPick(d.e, detail);
          };
          g.addEventListener('click', pick);
          g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } });
          marks.append(g);
        }
      }
      svg.append(marks);
      // Drag across the plot to zoom into that stretch of time.
      const brush = s('rect', { class: 'brush', x: 0, y: MT, width: 0, height: plotBottom - MT, fill: '#25568f', 'fill-opacity': 0.12, stroke: '#25568f', 'stroke-opacity': 0.5, visibility: 'hidden' });
      svg.append(brush);
      const svgX = (event) => { const r = svg.getBoundingClientRect(); return (event.clientX - r.left) * W / r.width; };
      let from = null;
      svg.addEventListener('pointerdown', (event) => {
        const at = svgX(event);
        if (event.button !== 0 || at < ML || at > W - MR) return;
        from = at;
      });
      svg.addEventListener('pointermove', (event) => {
        if (from == null) return;
        const at = Math.max(ML, Math.min(W - MR, svgX(event)));
        if (Math.abs(at - from) < 6) return;
        brush.setAttribute('x', Math.min(from, at)); brush.setAttribute('width', Math.abs(at - from)); brush.setAttribute('visibility', 'visible');
      });
      const finish = (event) => {
        if (from == null) return;
        const at = Math.max(ML, Math.min(W - MR, svgX(event)));
        const a = Math.min(from, at), b = Math.max(from, at);
        from = null;
        brush.setAttribute('visibility', 'hidden');
        if (b - a < 6) return;
        const time = (px) => t0 + (px - ML) / (W - ML - MR) * (t1 - t0);
        picked = [time(a), Math.max(time(b), time(a) + DAY)];
        draw();
      };
      svg.addEventListener('pointerup', finish);
      svg.addEventListener('pointerleave', finish);
      chartBox.append(svg);
      const outside = dated.length - shown.length;
      const first = shown.length ? Math.max(t0, Math.min(...shown.map((d) => d.w[0]))) : t0;
      const last = shown.length ? Math.min(t1, Math.max(...shown.map((d) => d.w[1]))) : t1;
      note.append(h('span', null, `${plural(shown.length, 'dated event')}, ${isoDay(first)} to ${isoDay(last - 1)}` +
        (outside ? `; ${num(outside)} more outside this window` : '') + '. Bars span a week, month or year when the date is no finer; drag across the chart to zoom in.'));
      if (picked) {
        note.append(h('button', { class: 'button quiet zoom', type: 'button', onclick: () => { picked = null; draw(); } }, 'Reset zoom'));
      } else if (focus) {
        note.append(h('button', { class: 'button quiet zoom', type: 'button', onclick: () => { zoomed = !zoomed; draw(); } },
          zoomed ? `Show all dates (${isoDay(full[0]).slice(0, 4)}\u2013${isoDay(full[1] - 1).slice(0, 4)})` : 'Zoom to the busiest period'));
      }
    }
    draw();
    wrap.append(h('div', { class: 'legend' }, [1, 2, 3, 4].map((q) => h('span', null, h('span', { class: 'swatch', style: `background:${QUAD_COLORS[q]}` }), `${q} ${QUAD_NAMES[q]}`))),
      chartBox, note);
    if (undated.length) {
      wrap.append(h('div', { class: 'undated' },
        h('strong', null, `Undated (${num(undated.length)})`), h('span', { class: 'muted' }, ' \u2014 events with no date to place:'),
        h('ul', null, undated.map((e) => h('li', null,
          h('span', { class: 'swatch', style: `background:${QUAD_COLORS[e.quad || QUAD[e.type]]}` }),
          h('button', { type: 'button', class: 'linkish undated-event', onclick: () => onPick(e, detail) },
            `${actorNames(e.actor) || 'someone'} \u2192 ${e.type}${e.recipient.length ? ' \u2192 ' + actorNames(e.recipient) : ''}`))))));
    }
    wrap.append(detail);
    return wrap;
  }

  // ------------------------------------------------------------------ provenance graph (SVG)

  /** Documents one per row in publication order (grouped by day), an arc on the right from each copy to its original. */
  function provenanceGraph(members, copies) {
    const nodes = new Map();
    for (const d of members) nodes.set(d.id, { id: d.id, title: docTitle(d), publisher: publisherOf(d), source: d.source, published: d.published, member: true });
    for (const c of copies) {
      if (!nodes.has(c.document_id)) nodes.set(c.document_id, { id: c.document_id, title: c.title || basename(c.source), publisher: null, source: c.source, published: c.published, member: false });
      if (!nodes.has(c.original_id)) nodes.set(c.original_id, { id: c.original_id, title: c.original_title || basename(c.original), publisher: null, source: c.original, published: c.original_published, member: false });
    }
    const order = [...nodes.values()].sort((x, y) => (x.published == null) - (y.published == null)
      || (x.published || '').localeCompare(y.published || '') || String(x.source).localeCompare(String(y.source)));
    const W = 960, ML = 104, NW = 540, NH = 40, RH = 50, GROUP = 14, MT = 10;
    const NR = ML + NW;
    let y = MT, last;
    const groups = [];
    order.forEach((n, i) => {
      const key = n.published || 'undated';
      if (i && key !== last) y += GROUP;
      if (key !== last) groups.push({ label: key, y0: y, y1: y });
      n.y = y;
      groups[groups.length - 1].y1 = y + NH;
      y += RH;
      last = key;
    });
    const H = y - RH + NH + MT + 4;
    // Arcs: shorter spans inside longer ones; an arc takes the first level free over its rows.
    const arcs = copies.map((c) => ({ c, from: nodes.get(c.document_id), to: nodes.get(c.original_id) }))
      .filter((a) => a.from && a.to && a.from !== a.to)
      .map((a) => ({ ...a, lo: Math.min(a.from.y, a.to.y), hi: Math.max(a.from.y, a.to.y) }))
      .sort((a, b) => (a.hi - a.lo) - (b.hi - b.lo));
    const levels = [];
    for (const arc of arcs) {
      let level = levels.findIndex((used) => used.every(([lo, hi]) => arc.hi < lo || arc.lo > hi));
      if (level < 0) { level = levels.length; levels.push([]); }
      levels[level].push([arc.lo, arc.hi]);
      arc.level = level;
    }
    const step = Math.min(110, (W - NR - 130) / Math.max(1, levels.length));
    const svg = s('svg', { class: 'chart graph provenance', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Which document copies which, in publication order' });
    const defs = s('defs');
    for (const kind of COPY_KINDS) {
      defs.append(s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', fill: COPY_COLORS[kind] })));
    }
    svg.append(defs);
    for (const g of groups) {
      svg.append(s('text', { class: 'col-label', x: 0, y: g.y0 + 16 }, g.label),
        s('line', { x1: ML - 12, x2: ML - 12, y1: g.y0 + 2, y2: g.y1 - 2, stroke: '#c6cdd6', 'stroke-width': 2 }));
    }
    for (const n of order) {
      const a = s('a', { href: docHref(n.id), class: 'node' + (n.member ? '' : ' outside'), 'data-document': n.id },
        svgTitle(`${n.title}\n${n.publisher || basename(n.source)} \u00b7 ${n.published || 'undated'}${n.member ? '' : ' (not in this story)'}`),
        s('rect', { x: ML, y: n.y, width: NW, height: NH, rx: 6 }),
        s('text', { class: 't1', x: ML + 10, y: n.y + 16 }, truncate(n.publisher || basename(n.source) || 'unknown publisher', 60)),
        s('text', { class: 't2', x: ML + 10, y: n.y + 32 }, truncate(n.title, 84)));
      svg.append(a);
    }
    for (const arc of arcs) {
      const { c, from, to } = arc;
      const color = COPY_COLORS[c.kind] || '#667';
      const reach = 34 + step * (arc.level + 0.6);
      const y1 = from.y + NH / 2, y2 = to.y + NH / 2;
      const path = `M${NR},${y1} C${NR + reach},${y1} ${NR + reach},${y2} ${NR + 3},${y2}`;
      const mx = NR + reach * 0.75, my = (y1 + y2) / 2;
      const label = `${c.kind} ${Number(c.similarity).toFixed(2)}`;
      const lw = label.length * 6.6 + 12;
      const tip = `${from.publisher || basename(from.source)} copies ${to.publisher || basename(to.source)}: ${c.kind} (${COPY_HELP[c.kind] || ''}), similarity ${Number(c.similarity).toFixed(3)}; the original is chosen as ${c.direction || 'the original'}`;
      svg.append(s('g', { class: `copy copy-${c.kind}`, 'data-kind': c.kind }, svgTitle(tip),
        s('circle', { cx: NR, cy: y1, r: 3.5, fill: color }),
        s('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2.2, 'marker-end': `url(#arrow-${c.kind})`, 'stroke-dasharray': c.kind === 'translated' ? '6 4' : null }),
        s('rect', { x: mx - lw / 2, y: my - 9, width: lw, height: 18, rx: 9, fill: '#fff', stroke: color, 'stroke-width': 1 }),
        s('text', { class: 'copy-label', x: mx, y: my + 4, 'text-anchor': 'middle', fill: color }, label)));
    }
    return svg;
  }

  // ------------------------------------------------------------------ actor network (SVG, force-directed)

  function forceLayout(nodes, edges, W, H, margin) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => ({ x: W / 2 + Math.cos(2 * Math.PI * i / n) * W / 3, y: H / 2 + Math.sin(2 * Math.PI * i / n) * H / 3 }));
    if (n === 1) return [{ x: W / 2, y: H / 2 }];
    const index = new Map(nodes.map((nd, i) => [nd.id, i]));
    const weight = new Map();
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i == null || j == null || i === j) continue;
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      weight.set(key, (weight.get(key) || 0) + e.events);
    }
    const links = [...weight.entries()].map(([key, w]) => { const [i, j] = key.split(',').map(Number); return [i, j, w]; });
    const k = Math.sqrt((W * H) / n) * 0.62;
    let temp = W / 6;
    const steps = 360;
    for (let it = 0; it < steps; it++) {
      const dx = new Float64Array(n), dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ddx = pos[i].x - pos[j].x, ddy = pos[i].y - pos[j].y;
          let d = Math.sqrt(ddx * ddx + ddy * ddy);
          if (d < 0.01) { ddx = 0.01 * (i - j); ddy = 0.01; d = 0.015; }
          const f = (k * k) / d;
          dx[i] += ddx / d * f; dy[i] += ddy / d * f;
          dx[j] -= ddx / d * f; dy[j] -= ddy / d * f;
        }
      }
      for (const [i, j, w] of links) {
        const ddx = pos[i].x - pos[j].x, ddy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy));
        const f = (d * d) / k * (1 + Math.log(w) * 0.25);
        dx[i] -= ddx / d * f; dy[i] -= ddy / d * f;
        dx[j] += ddx / d * f; dy[j] += ddy / d * f;
      }
      for (let i = 0; i < n; i++) {
        dx[i] -= (pos[i].x - W / 2) * 0.9;
        dy[i] -= (pos[i].y - H / 2) * 0.9 * (W / H);
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (d > 0) { const m = Math.min(d, temp); pos[i].x += dx[i] / d * m; pos[i].y += dy[i] / d * m; }
      }
      temp = Math.max(1, temp * 0.985);
    }
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    return pos.map((p) => ({
      x: x1 > x0 ? margin.left + (p.x - x0) / (x1 - x0) * (W - margin.left - margin.right) : W / 2,
      y: y1 > y0 ? margin.top + (p.y - y0) / (y1 - y0) * (H - margin.top - margin.bottom) : H / 2,
    }));
  }

  function tone(edge) {
    const total = edge.cooperation + edge.conflict;
    const share = total ? edge.cooperation / total : 0.5;
    return share >= 0.6 ? 'coop' : share <= 0.4 ? 'conf' : 'mixed';
  }

  function networkGraph(net, onEdge, onNode) {
    const W = 960, H = Math.min(600, Math.max(380, 200 + 26 * net.nodes.length));
    const nodes = net.nodes.slice().sort((a, b) => b.events - a.events || a.id - b.id);
    const pos = forceLayout(nodes, net.edges, W, H, { left: 90, right: 90, top: 40, bottom: 40 });
    const at = new Map(nodes.map((n, i) => [n.id, { ...n, ...pos[i], r: 6 + 2.6 * Math.sqrt(n.events) }]));
    const maxEvents = Math.max(1, ...net.edges.map((e) => e.events));
    const svg = s('svg', { class: 'chart network', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Network of ${nodes.length} actors and ${net.edges.length} relations` });
    const defs = s('defs');
    for (const [key, color] of Object.entries(TONE)) {
      defs.append(s('marker', { id: `net-arrow-${key}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', fill: color })));
    }
    svg.append(defs);
    const edgeLayer = s('g', { class: 'edges' });
    for (const e of net.edges) {
      const a = at.get(e.source), b = at.get(e.target);
      if (!a || !b) continue;
      const key = tone(e), color = TONE[key];
      const width = 1.5 + 5 * Math.sqrt(e.events / maxEvents);
      const tip = `${a.name} \u2192 ${b.name}: ${plural(e.events, 'event')} (${num(e.cooperation)} cooperation, ${num(e.conflict)} conflict), mean score ${score(e.mean_score)}. Click for the relation.`;
      let d, hx, hy;
      if (a === b) {
        const r = a.r;
        d = `M${a.x - r * 0.6},${a.y - r * 0.8} C${a.x - r * 2.5},${a.y - r * 4} ${a.x + r * 2.5},${a.y - r * 4} ${a.x + r * 0.6},${a.y - r * 0.8}`;
        hx = a.x; hy = a.y - r * 3.1;
      } else {
        const dx = b.x - a.x, dy = b.y - a.y, dist = Math.max(1, Math.hypot(dx, dy));
        const off = Math.min(48, dist * 0.18);
        const cx = (a.x + b.x) / 2 - dy / dist * off, cy = (a.y + b.y) / 2 + dx / dist * off;
        const ux = (cx - a.x), uy = (cy - a.y), ul = Math.max(1, Math.hypot(ux, uy));
        const vx = (cx - b.x), vy = (cy - b.y), vl = Math.max(1, Math.hypot(vx, vy));
        const sx = a.x + ux / ul * (a.r + 1), sy = a.y + uy / ul * (a.r + 1);
        const tx = b.x + vx / vl * (b.r + 3), ty = b.y + vy / vl * (b.r + 3);
        d = `M${sx.toFixed(1)},${sy.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`;
        hx = 0.25 * sx + 0.5 * cx + 0.25 * tx; hy = 0.25 * sy + 0.5 * cy + 0.25 * ty;
      }
      const g = s('g', { class: `edge tone-${key}`, 'data-source': e.source, 'data-target': e.target, tabindex: 0, role: 'link', 'aria-label': tip },
        svgTitle(tip),
        s('path', { class: 'hit', d, fill: 'none', stroke: 'transparent', 'stroke-width': Math.max(12, width + 8) }),
        s('path', { class: 'line', d, stroke: color, 'stroke-width': width.toFixed(2), 'marker-end': `url(#net-arrow-${key})` }),
        s('g', { class: 'edge-handle' },
          s('circle', { cx: hx.toFixed(1), cy: hy.toFixed(1), r: 9, fill: color }),
          s('text', { x: hx.toFixed(1), y: (hy + 3.5).toFixed(1), 'text-anchor': 'middle' }, String(e.events))));
      g.addEventListener('click', () => onEdge(a, b));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onEdge(a, b); });
      edgeLayer.append(g);
    }
    const nodeLayer = s('g', { class: 'actors' });
    for (const n of at.values()) {
      const code = actorCode(n);
      const g = s('g', { class: 'actor', 'data-actor': n.id, tabindex: 0, role: 'link' },
        svgTitle(`${n.name}${code ? ' (' + code + ')' : ''}: ${plural(n.events, 'event')} in this network. Click for its events.`),
        s('circle', { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: n.r.toFixed(1) }),
        s('text', { class: 'halo', x: n.x.toFixed(1), y: (n.y + n.r + 14).toFixed(1), 'text-anchor': 'middle' }, n.name),
        code ? s('text', { class: 'halo tick', x: n.x.toFixed(1), y: (n.y + n.r + 27).toFixed(1), 'text-anchor': 'middle' }, code) : null);
      g.addEventListener('click', () => onNode(n));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onNode(n); });
      nodeLayer.append(g);
    }
    svg.append(edgeLayer, nodeLayer);
    return svg;
  }

  /** The spec the relation and events filters take for a network node: its name. */
  function actorSpec(node) { return node.name; }

  // ------------------------------------------------------------------ relation chart (SVG)

  function relationChart(rel) {
    const series = rel.series || [];
    const W = 960, H = 290, ML = 46, MR = 16, MT = 18, MB = 48;
    const svg = s('svg', { class: 'chart relation-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Cooperation and conflict per ${rel.by}` });
    const half = (H - MT - MB) / 2, mid = MT + half;
    const max = Math.max(1, ...series.map((p) => Math.max(p.cooperation, p.conflict)));
    const y = (v) => v / max * (half - 4);
    const grid = s('g', { class: 'grid' }), axis = s('g', { class: 'axis' });
    const step = max <= 5 ? 1 : Math.ceil(max / 4);
    for (let v = step; v <= max; v += step) {
      for (const sign of [-1, 1]) {
        grid.append(s('line', { x1: ML, x2: W - MR, y1: mid - sign * y(v), y2: mid - sign * y(v) }));
        axis.append(s('text', { class: 'tick', x: ML - 6, y: mid - sign * y(v) + 4, 'text-anchor': 'end' }, String(v)));
      }
    }
    svg.append(grid, axis);
    svg.append(s('text', { class: 'tick', x: ML + 4, y: MT + 2, fill: QUAD_COLORS[2] }, '\u25b2 cooperation (quad 1\u20132)'),
      s('text', { class: 'tick', x: ML + 4, y: H - MB - 4 }, '\u25bc conflict (quad 3\u20134)'));
    if (!series.length) {
      svg.append(s('text', { x: W / 2, y: mid - 8, 'text-anchor': 'middle', class: 'muted' },
        `No event between them has a date precise enough for a ${rel.by}ly series.`));
    }
    const bw = (W - ML - MR) / Math.max(1, series.length);
    const every = Math.ceil(series.length / 14);
    series.forEach((p, i) => {
      const x = ML + i * bw, w = Math.max(2, Math.min(48, bw * 0.7)), bx = x + (bw - w) / 2;
      const tip = `${p.period}: ${plural(p.count, 'event')}, ${num(p.cooperation)} cooperation, ${num(p.conflict)} conflict, mean score ${score(p.mean_score)}`;
      const g = s('g', { class: 'period', 'data-period': p.period }, svgTitle(tip));
      if (p.cooperation) g.append(s('rect', { class: 'bar bar-coop', x: bx, y: mid - y(p.cooperation), width: w, height: y(p.cooperation), rx: 2 }));
      if (p.conflict) g.append(s('rect', { class: 'bar bar-conf', x: bx, y: mid, width: w, height: y(p.conflict), rx: 2 }));
      g.append(s('rect', { x, y: MT, width: bw, height: H - MT - MB, fill: 'transparent' }));
      svg.append(g);
      if (i % every === 0) svg.append(s('text', { class: 'tick', x: x + bw / 2, y: H - MB + 18, 'text-anchor': 'middle' }, p.period));
    });
    svg.append(s('line', { x1: ML, x2: W - MR, y1: mid, y2: mid, stroke: '#8a94a3' }));
    return svg;
  }

  // ------------------------------------------------------------------ document text with its marked spans

  /** The text split at every range boundary: one span per piece covered by any range, text nodes elsewhere. */
  function markedText(text, ranges) {
    const c = codec(text);
    const n = c.length;
    const list = ranges.filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end))
      .map((r) => ({ ...r, start: Math.max(0, Math.min(n, r.start)), end: Math.max(0, Math.min(n, r.end)) }))
      .filter((r) => r.end > r.start);
    const cuts = new Set([0, n]);
    const starting = new Map();
    for (const r of list) {
      cuts.add(r.start); cuts.add(r.end);
      if (!starting.has(r.start)) starting.set(r.start, []);
      starting.get(r.start).push(r);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const box = h('div', { class: 'doc-text', id: 'doc-text' });
    const segments = [];
    const CLS = { removed: 'rm', quote: 'q', speaker: 'sp', cue: 'cue', event: 'ev', trigger: 'tr', hl: 'hl' };
    let active = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      active = active.filter((r) => r.end > a).concat(starting.get(a) || []);
      const piece = text.slice(c.toJs(a), c.toJs(b));
      if (!active.length) { box.appendChild(document.createTextNode(piece)); continue; }
      const kinds = new Set(active.map((r) => r.kind));
      const span = h('span', { class: [...kinds].map((k) => CLS[k]).join(' '), 'data-start': a, 'data-end': b });
      span.textContent = piece;
      const removed = active.find((r) => r.kind === 'removed');
      const quote = active.find((r) => r.kind === 'quote');
      const event = active.find((r) => r.kind === 'event');
      if (removed) span.title = `Removed from the article body: ${removed.reason}`;
      else if (quote) span.title = `${quote.quote.speaker || quote.quote.speaker_mention || 'Unattributed'} (${quote.quote.kind} quotation). Click for details.`;
      else if (event) span.title = `${event.report.type}: ${event.report.actors}. Click for details.`;
      const seg = { node: span, start: a, end: b, ranges: active.slice() };
      span._seg = seg;
      segments.push(seg);
      box.appendChild(span);
    }
    return { box, segments };
  }

  /** The [start, end] of an "S-E" parameter, or null. */
  function parseSpan(value) {
    const m = /^(\d+)-(\d+)$/.exec(value || '');
    return m ? [Number(m[1]), Number(m[2])] : null;
  }

  // ------------------------------------------------------------------ views

  async function viewStories(root, ctx) {
    setTitle('Stories');
    const offset = intParam(ctx.query, 'offset');
    put(root, h('h1', null, 'Stories'),
      h('p', { class: 'lead' }, 'Articles about the same happening, grouped. Open a story for its sources and which article copies which.'));
    const summary = await api('summary');
    const stories = await api('stories', { limit: 25, offset });
    put(root, summaryCards(summary));
    if (!stories.total) {
      put(root, empty('No stories yet: documents are grouped into stories when the database is clustered. ', link('#/documents', 'See all documents.')));
      return;
    }
    put(root, table([{ label: 'Story' }, { label: 'Dates', cls: 'date' }, { label: 'Documents', cls: 'num' }],
      stories.items.map((st) => [
        h('div', { class: 'story-row' }, h('a', { href: href('story/' + st.id), class: 'strong story-link' }, st.title || st.label),
          h('div', { class: 'muted small' }, st.label)),
        dateRange(st.first, st.last), num(st.documents)]), 'stories'),
    pager(stories, ctx));
  }

  async function viewStory(root, ctx) {
    const st = await api('stories/' + encodeURIComponent(ctx.arg));
    setTitle(st.title || st.label);
    put(root, h('p', { class: 'muted small' }, link('#/stories', '\u2190 Stories')),
      h('h1', null, st.title || st.label),
      h('p', { class: 'lead' }, st.label));
    put(root, h('div', { class: 'cards' },
      h('span', { class: 'stat' }, h('span', { class: 'n' }, num(st.documents)), h('span', { class: 'l' }, 'documents')),
      h('span', { class: 'stat', title: 'Documents left when copies of one another count once' }, h('span', { class: 'n independent' }, num(st.independent)), h('span', { class: 'l' }, 'independent sources')),
      h('span', { class: 'stat' }, h('span', { class: 'n' }, num(st.publishers.length)), h('span', { class: 'l' }, 'publishers')),
      h('span', { class: 'stat' }, h('span', { class: 'n' }, num(st.copies.length)), h('span', { class: 'l' }, 'copies')),
      h('span', { class: 'stat wide story-span', title: 'From the first to the last dated article' }, h('span', { class: 'n' }, dateRange(st.first, st.last)),
        h('span', { class: 'l' }, daySpan(st.first, st.last) ? `published over ${daySpan(st.first, st.last)}` : 'published'))));
    if (st.actors.length || st.countries.length) {
      put(root, h('p', null, h('span', { class: 'muted' }, 'About: '),
        st.actors.map((a) => h('span', { class: 'chip' }, a)), st.countries.map((c) => h('span', { class: 'chip', title: 'country' }, c))));
    }
    put(root, h('h2', null, 'Provenance'),
      h('p', { class: 'muted small' }, `Documents in publication order; an arrow runs from each copy to the document it copies, labelled with how it copies and how similar the two are. ${plural(st.independent, 'independent source')} among ${plural(st.members.length, 'document')}.`),
      h('div', { class: 'legend' }, COPY_KINDS.map((k) => h('span', { title: COPY_HELP[k] }, h('span', { class: 'line', style: `border-color:${COPY_COLORS[k]}` }), k))),
      h('div', { class: 'chart-wrap' }, provenanceGraph(st.members, st.copies)));
    put(root, h('h2', null, 'Documents'),
      table([{ label: 'Published', cls: 'date' }, 'Title', 'Publisher', { label: 'Quotes', cls: 'num' }, { label: 'Events', cls: 'num' }, 'Copies'],
        st.members.map((d) => [fmt(d.published),
          h('a', { href: docHref(d.id), class: 'doc-link' }, docTitle(d)),
          fmt(publisherOf(d)), num(d.quotes), num(d.events),
          d.copy_of.length ? d.copy_of.map((c) => h('div', null, kindBadge(c.kind), ' of ', link(docHref(c.document_id), truncate(basename(c.source), 40)), h('span', { class: 'muted small' }, ` ${Number(c.similarity).toFixed(2)}`))) : h('span', { class: 'faint' }, 'original')])));
    put(root, h('h2', null, 'Publishers'), h('p', null, st.publishers.length ? st.publishers.map((p) => h('a', { class: 'chip', href: href('documents', { publisher: p }) }, p)) : h('span', { class: 'muted' }, 'none known')));
    if (st.copies.length) {
      put(root, h('h2', null, 'Copies'),
        table(['Copy', 'Original', 'Kind', { label: 'Similarity', cls: 'num' }, 'Why that one is the original'],
          st.copies.map((c) => [link(docHref(c.document_id), truncate(c.title || basename(c.source), 60)), link(docHref(c.original_id), truncate(c.original_title || basename(c.original), 60)),
            kindBadge(c.kind), Number(c.similarity).toFixed(3), fmt(c.direction)])));
    }
  }

  async function viewDocuments(root, ctx) {
    setTitle('Documents');
    const q = ctx.query;
    put(root, h('h1', null, 'Documents'),
      filterForm('documents', [
        { name: 'q', label: 'Words', cls: 'wide', placeholder: 'in the title or body' },
        { name: 'publisher', label: 'Publisher', placeholder: 'exact name' },
        { name: 'date_from', label: 'From', cls: 'short', placeholder: 'YYYY-MM-DD' },
        { name: 'date_to', label: 'To', cls: 'short', placeholder: 'YYYY-MM-DD' }], q, ['story']));
    const pg = await api('documents', { q: q.get('q'), publisher: q.get('publisher'), story: q.get('story'), date_from: q.get('date_from'), date_to: q.get('date_to'), limit: 50, offset: intParam(q, 'offset') });
    if (!pg.total) { put(root, empty('No document matches.')); return; }
    put(root, table([{ label: 'Published', cls: 'date' }, 'Title', 'Publisher', { label: 'Quotes', cls: 'num' }, { label: 'Events', cls: 'num' }, 'Story'],
      pg.items.map((d) => [fmt(d.published), h('div', null, h('a', { href: docHref(d.id), class: 'doc-link' }, docTitle(d)),
        d.copy_of.length ? h('div', { class: 'small muted' }, d.copy_of.map((c) => [kindBadge(c.kind), ' copy of ', truncate(basename(c.source), 50), ' '])) : null),
      fmt(publisherOf(d)), num(d.quotes), num(d.events), d.story != null ? link(href('story/' + d.story), `#${d.story}`) : DASH])), pager(pg, ctx));
  }

  async function viewDocument(root, ctx) {
    const doc = await api('documents/' + encodeURIComponent(ctx.arg));
    setTitle(docTitle(doc));
    const text = doc.text || '';
    let hl = parseSpan(ctx.query.get('hl'));
    if (ctx.query.get('hl') && !hl) put(root, errorLine(new ApiError('E400', `not a span: ${ctx.query.get('hl')}`, 'give hl=START-END')));
    if (hl && !(hl[0] >= 0 && hl[0] < hl[1] && hl[1] <= text.length)) {
      put(root, errorLine(new ApiError('E400', `the span ${hl[0]}\u2013${hl[1]} is outside this document`, `its text has ${text.length} characters`)));
      hl = null;
    }
    const publisher = publisherOf(doc);
    const head = h('header', { class: 'doc-head' },
      h('p', { class: 'muted small' }, doc.story != null ? link(href('story/' + doc.story), `\u2190 Story #${doc.story}`) : link('#/documents', '\u2190 Documents')),
      h('h1', null, docTitle(doc)),
      h('div', { class: 'byline' }, [publisher, doc.author ? `by ${doc.author}` : null, doc.published || (doc.published_from ? `published ${dateRange(doc.published_from, doc.published_to)}` : 'undated'),
        doc.language, `${num(doc.characters)} characters`].filter(Boolean).join(' \u00b7 ')),
      h('div', { class: 'source' }, doc.source, doc.url ? [' \u00b7 ', h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, doc.url)] : null),
      doc.flags.length ? h('p', null, doc.flags.map((f) => h('span', { class: 'badge flag' }, f))) : null,
      doc.copy_of.map((c) => h('p', { class: 'copies-line' }, 'Copies ', link(docHref(c.document_id), basename(c.source)), ' ', kindBadge(c.kind), h('span', { class: 'muted' }, ` similarity ${Number(c.similarity).toFixed(2)}`))),
      (doc.copied_by || []).map((c) => h('p', { class: 'copies-line' }, 'Copied by ', link(docHref(c.document_id), basename(c.source)), ' ', kindBadge(c.kind), h('span', { class: 'muted' }, ` similarity ${Number(c.similarity).toFixed(2)}`))));
    put(root, head);

    const ranges = [];
    for (const r of doc.removed || []) ranges.push({ kind: 'removed', start: r[0], end: r[1], reason: r[2] || 'not article body' });
    for (const q of doc.quotations || []) {
      ranges.push({ kind: 'quote', start: q.start, end: q.end, quote: q });
      if (q.speaker_start != null) ranges.push({ kind: 'speaker', start: q.speaker_start, end: q.speaker_end, quote: q });
      if (q.cue_start != null) ranges.push({ kind: 'cue', start: q.cue_start, end: q.cue_end, quote: q });
    }
    for (const r of doc.event_reports || []) {
      ranges.push({ kind: 'event', start: r.start, end: r.end, report: r });
      ranges.push({ kind: 'trigger', start: r.trigger_start, end: r.trigger_end, report: r });
    }
    if (hl) ranges.push({ kind: 'hl', start: hl[0], end: hl[1] });
    const { box, segments } = markedText(text, ranges);

    const detail = h('div', { class: 'panel detail', id: 'doc-detail' },
      h('h3', null, 'Details'), h('p', { class: 'muted small' }, 'Click a marked passage for its speaker or event.'));
    function select(list) {
      for (const seg of segments) seg.node.classList.remove('sel');
      for (const r of list) for (const seg of segments) if (seg.start >= r.start && seg.end <= r.end) seg.node.classList.add('sel');
      const parts = [h('h3', null, 'Details')];
      for (const r of list) {
        if (r.kind === 'quote') {
          const q = r.quote;
          parts.push(h('div', { class: 'detail-quote' },
            h('div', null, h('span', { class: 'badge' }, `${q.kind} quotation`)),
            h('p', { class: 'said' }, `\u201c${truncate(q.text, 240)}\u201d`),
            h('dl', null,
              h('dt', null, 'Speaker'), h('dd', null, q.speaker_id != null ? link(href('person/' + q.speaker_id), q.speaker || `#${q.speaker_id}`) : h('span', { class: 'faint' }, 'unattributed')),
              q.speaker_mention ? [h('dt', null, 'Named as'), h('dd', null, `\u201c${q.speaker_mention}\u201d`)] : null,
              q.cue ? [h('dt', null, 'Cue'), h('dd', null, q.cue)] : null,
              h('dt', null, 'Characters'), h('dd', { class: 'mono' }, `${q.start}\u2013${q.end}`)),
            h('p', { class: 'small' }, link(docHref(doc.id, q.start, q.end), 'Link to this quotation'),
              q.speaker_id != null ? [' \u00b7 ', link(href('quotes', { speaker: q.speaker }), 'all by this speaker')] : null)));
        } else if (r.kind === 'event') {
          const ev = r.report;
          parts.push(h('div', { class: 'detail-event' },
            h('div', null, typeBadge(ev.type), h('span', { class: 'muted small' }, ` ${QUAD_NAMES[QUAD[ev.type]] || ''}`)),
            h('p', { class: 'said' }, ev.actors),
            h('dl', null, h('dt', null, 'Trigger'), h('dd', null, `\u201c${ev.trigger}\u201d`),
              h('dt', null, 'Characters'), h('dd', { class: 'mono' }, `${ev.start}\u2013${ev.end}`)),
            h('p', { class: 'small' }, link(docHref(doc.id, ev.start, ev.end), 'Link to this sentence'), ' \u00b7 ',
              link(href('events', { document: doc.id }), 'events of this article'))));
        }
      }
      detail.replaceChildren(...parts);
    }
    box.addEventListener('click', (event) => {
      const span = event.target.closest && event.target.closest('span');
      if (!span || !span._seg) return;
      const list = span._seg.ranges.filter((r) => r.kind === 'quote' || r.kind === 'event');
      const extra = span._seg.ranges.filter((r) => r.kind === 'speaker' || r.kind === 'cue' || r.kind === 'trigger').map((r) => ({ kind: r.kind === 'trigger' ? 'event' : 'quote', start: r.kind === 'trigger' ? r.report.start : r.quote.start, end: r.kind === 'trigger' ? r.report.end : r.quote.end, quote: r.quote, report: r.report }));
      const picked = [...list];
      for (const x of extra) if (!picked.some((p) => p.kind === x.kind && p.start === x.start && p.end === x.end)) picked.push(x);
      if (picked.length) select(picked);
    });

    const toggles = h('div', { class: 'panel toggles' }, h('h3', null, 'Marks'),
      [['q', `quotations (${(doc.quotations || []).length})`, 'hide-q', 'key q'], ['ev', `event sentences (${(doc.event_reports || []).length})`, 'hide-ev', 'key ev'], ['rm', `removed text (${(doc.removed || []).length})`, 'hide-rm', 'key rm']]
        .map(([name, label, cls, key]) => {
          const input = h('input', { type: 'checkbox', checked: true, name: `show-${name}` });
          input.addEventListener('change', () => box.classList.toggle(cls, !input.checked));
          return h('label', null, input, ' ', h('span', { class: key }, 'abc'), label);
        }),
      hl ? h('label', null, h('span', { class: 'key hl' }, 'abc'), `highlighted ${hl[0]}\u2013${hl[1]} `, link(docHref(doc.id), '(clear)')) : null);

    const lists = h('div', { class: 'panel' }, h('h3', null, 'In this article'),
      (doc.quotations || []).length ? h('ul', { class: 'compact' }, doc.quotations.map((q) => h('li', null,
        h('a', { href: docHref(doc.id, q.start, q.end) }, q.speaker || q.speaker_mention || 'unattributed'), h('span', { class: 'muted' }, `: ${truncate(q.text, 70)}`)))) : h('p', { class: 'muted small' }, 'No quotations.'),
      (doc.event_reports || []).length ? h('ul', { class: 'compact', style: 'margin-top:8px' }, doc.event_reports.map((r) => h('li', null,
        typeBadge(r.type), ' ', h('a', { href: docHref(doc.id, r.start, r.end) }, truncate(r.actors, 60))))) : null);

    put(root, h('div', { class: 'doc-layout' }, box, h('aside', { class: 'doc-side' }, detail, toggles, lists)));

    if (hl) {
      const exact = ranges.filter((r) => (r.kind === 'quote' || r.kind === 'event') && r.start === hl[0] && r.end === hl[1]);
      if (exact.length) select(exact);
      ctx.after = () => {
        const first = box.querySelector('.hl');
        if (first) first.scrollIntoView({ block: 'center' });
      };
    }
  }

  async function viewPeople(root, ctx) {
    setTitle('People');
    const q = ctx.query;
    put(root, h('h1', null, 'People'), h('p', { class: 'lead' }, 'Everyone named as a speaker or found in the articles, most quoted first.'),
      filterForm('people', [
        { name: 'name', label: 'Name', placeholder: 'part of a name or alias' },
        { name: 'country', label: 'Country', cls: 'short', placeholder: 'e.g. RUS' },
        { name: 'quoted', label: 'quoted only', type: 'checkbox' }], q));
    const pg = await api('people', { name: q.get('name'), country: q.get('country'), quoted: q.get('quoted'), limit: 50, offset: intParam(q, 'offset') });
    if (!pg.total) { put(root, empty('Nobody matches.')); return; }
    put(root, table(['Name', 'Country', 'Roles', { label: 'Quotations', cls: 'num' }, { label: 'Documents', cls: 'num' }],
      pg.items.map((p) => [
        h('div', null, h('a', { href: href('person/' + p.id), class: 'strong person-link' }, p.name),
          p.type !== 'person' ? h('span', { class: 'muted small' }, ` ${p.type}`) : null),
        p.country ? h('a', { href: href('people', { country: p.country }) }, p.country) : DASH,
        h('span', { class: 'small' }, truncate(p.roles.join('; '), 110) || DASH),
        p.quote_count ? h('a', { href: href('quotes', { speaker: p.name }) }, num(p.quote_count)) : '0',
        num(p.documents)]), 'people'), pager(pg, ctx));
  }

  async function viewPerson(root, ctx) {
    const p = await api('people/' + encodeURIComponent(ctx.arg));
    const statements = await api('statements', { speaker_id: p.id, limit: 100 });
    setTitle(p.name);
    put(root, h('p', { class: 'muted small' }, link('#/people', '\u2190 People')), h('h1', null, p.name),
      h('p', { class: 'lead' }, [p.type, p.office, p.party, p.country, plural(p.quote_count, 'quotation'), `in ${plural(p.documents, 'document')}`].filter(Boolean).join(' \u00b7 ')));
    const facts = h('dl', { class: 'detail' });
    if (p.country) facts.append(h('dt', null, 'Country'), h('dd', null, link(href('people', { country: p.country }), p.country)));
    if (p.party) facts.append(h('dt', null, 'Party'), h('dd', null, p.party));
    if (p.office) facts.append(h('dt', null, 'Office'), h('dd', null, p.office));
    if (p.roles.length) facts.append(h('dt', null, 'Roles'), h('dd', null, p.roles.join('; ')));
    if (p.aliases.length) facts.append(h('dt', null, 'Also named'), h('dd', null, p.aliases.join(', ')));
    put(root, h('div', { class: 'panel detail' }, facts));
    const sources = p.sources || [];
    if (sources.length) {
      // Each document as it named the person, dated: what a title, party or office was on that day.
      put(root, h('h2', null, `Sources (${num(sources.length)})`),
        table(['Published', 'Document', 'Named', 'Said of them'], sources.map((s) => [
          s.published || DASH,
          link(docHref(s.document_id), docTitle(s)),
          s.name,
          h('span', { class: 'small' }, [s.office, s.party, s.country, ...s.roles.filter((r) => r !== s.office)].filter(Boolean).join(' \u00b7 ') || DASH)]), 'sources'));
    }
    const repeated = statements.items.filter((st) => st.quotes.length > 1);
    if (repeated.length) {
      put(root, h('h2', null, 'Statements reported more than once'),
        repeated.map((st) => h('article', { class: 'card' }, h('blockquote', null, truncate(st.text, 400)),
          h('div', { class: 'meta' }, h('span', null, `${plural(st.reports, 'report')}, ${plural(st.sources, 'independent source')}:`),
            st.quotes.map((q) => h('a', { href: docHref(q.document_id, q.start, q.end) }, `${q.publisher || basename(q.source)}${q.published ? ' ' + q.published : ''}`))))));
    }
    put(root, h('h2', null, `Quotations (${num(p.quotes.length)})`));
    if (!p.quotes.length) put(root, empty('No quotation is attributed to this person.'));
    put(root, p.quotes.map((q) => quoteCard(q, { speaker: false })));
  }

  async function viewQuotes(root, ctx) {
    setTitle('Quotations');
    const q = ctx.query;
    put(root, h('h1', null, 'Quotations'),
      filterForm('quotes', [
        { name: 'speaker', label: 'Speaker', placeholder: 'part of a name' },
        { name: 'kind', label: 'Kind', type: 'select', options: [{ value: '', label: 'any' }, { value: 'direct', label: 'direct' }, { value: 'indirect', label: 'indirect' }, { value: 'mixed', label: 'mixed' }] },
        { name: 'q', label: 'Words', cls: 'wide', placeholder: 'words the quotation contains' }], q, ['document', 'speaker_id']));
    if (q.get('document')) put(root, h('p', null, h('span', { class: 'chip' }, 'in document ', link(docHref(q.get('document')), q.get('document')), ' ', h('a', { class: 'x', href: ctx.with({ document: null, offset: null }), title: 'remove' }, '\u00d7'))));
    const pg = await api('quotes', { speaker: q.get('speaker'), speaker_id: q.get('speaker_id'), kind: q.get('kind'), q: q.get('q'), document: q.get('document'), limit: 25, offset: intParam(q, 'offset') });
    if (!pg.total) { put(root, empty('No quotation matches.')); return; }
    put(root, pager(pg, ctx), h('div', { class: 'quote-list' }, pg.items.map((x) => quoteCard(x))), pager(pg, ctx));
  }

  const TYPE_OPTIONS = [{ value: '', label: 'any type' }].concat([1, 2, 3, 4].map((quad) => ({
    group: `${quad} ${QUAD_NAMES[quad]}`, options: TYPES.filter((t) => QUAD[t] === quad).map((t) => ({ value: t, label: t })),
  })));

  async function viewEvents(root, ctx) {
    setTitle('Events');
    const q = ctx.query;
    put(root, h('h1', null, 'Events'), h('p', { class: 'lead' }, 'Who did what to whom and when, coded in PLOVER, each with the sentences that report it.'),
      filterForm('events', [
        { name: 'actor', label: 'Actor', placeholder: 'name, RUS or RUS:GOV' },
        { name: 'recipient', label: 'Recipient', placeholder: 'name, AFG or AFG:REB' },
        { name: 'type', label: 'Type', type: 'select', options: TYPE_OPTIONS },
        { name: 'date_from', label: 'From', cls: 'short', placeholder: 'YYYY-MM-DD' },
        { name: 'date_to', label: 'To', cls: 'short', placeholder: 'YYYY-MM-DD' }], q, ['document', 'source']));
    if (q.get('document')) put(root, h('p', null, h('span', { class: 'chip' }, 'reported in document ', link(docHref(q.get('document')), q.get('document')), ' ', h('a', { class: 'x', href: ctx.with({ document: null, offset: null }), title: 'remove' }, '\u00d7'))));
    const filters = { actor: q.get('actor'), recipient: q.get('recipient'), type: q.get('type'), date_from: q.get('date_from'), date_to: q.get('date_to'), document: q.get('document'), source: q.get('source') };
    const all = await api('events', { ...filters, limit: 500 });
    const pg = await api('events', { ...filters, limit: 20, offset: intParam(q, 'offset') });
    if (!all.total) { put(root, empty('No event matches.')); return; }
    put(root, h('h2', null, 'Timeline'));
    if (all.total > all.items.length) put(root, h('p', { class: 'notice' }, `The timeline shows the first ${num(all.items.length)} of ${num(all.total)} events; narrow the filters to see the rest.`));
    put(root, timeline(all.items, (e, box) => {
      box.replaceChildren(h('h3', { style: 'margin-top:12px' }, 'Selected event'), eventCard(e, { anchor: false }));
    }));
    put(root, h('h2', null, `Events (${num(pg.total)})`), pager(pg, ctx), h('div', { class: 'event-list' }, pg.items.map((e) => eventCard(e))), pager(pg, ctx));
  }

  async function viewNetwork(root, ctx) {
    setTitle('Actor network');
    const q = ctx.query;
    put(root, h('h1', null, 'Actor network'), h('p', { class: 'lead' }, 'Who acts on whom: an arrow from actor to recipient, as wide as their events are many. Negated and hypothetical events are left out. Click an arrow for the relation.'),
      filterForm('network', [
        { name: 'type', label: 'Type', type: 'select', options: TYPE_OPTIONS },
        { name: 'date_from', label: 'From', cls: 'short', placeholder: 'YYYY-MM-DD' },
        { name: 'date_to', label: 'To', cls: 'short', placeholder: 'YYYY-MM-DD' },
        { name: 'edges', label: 'Busiest edges', cls: 'short', type: 'number', placeholder: '150' }], q));
    const net = await api('network', { type: q.get('type'), date_from: q.get('date_from'), date_to: q.get('date_to'), edges: q.get('edges') });
    if (!net.edges.length) { put(root, empty('No actor acts on a recipient in these events.')); return; }
    const byId = new Map(net.nodes.map((n) => [n.id, n]));
    const openRelation = (a, b) => go(href('relations', { a: actorSpec(a), b: actorSpec(b) }));
    put(root, h('div', { class: 'legend' },
      h('span', null, h('span', { class: 'line', style: `border-color:${TONE.coop}` }), 'mostly cooperation (60% or more)'),
      h('span', null, h('span', { class: 'line', style: `border-color:${TONE.mixed}` }), 'mixed'),
      h('span', null, h('span', { class: 'line', style: `border-color:${TONE.conf}` }), 'mostly conflict (60% or more)'),
      h('span', null, `${plural(net.nodes.length, 'actor')}, ${plural(net.edges.length, 'relation')}; the number on an arrow counts its events`)),
    h('div', { class: 'chart-wrap' }, networkGraph(net, openRelation, (n) => go(href('events', { actor: actorSpec(n) })))));
    put(root, h('h2', null, 'Relations'),
      table(['Actor', 'Recipient', { label: 'Events', cls: 'num' }, { label: 'Cooperation', cls: 'num' }, { label: 'Conflict', cls: 'num' }, { label: 'Mean score', cls: 'num' }, ''],
        net.edges.map((e) => {
          const a = byId.get(e.source) || { name: `#${e.source}` }, b = byId.get(e.target) || { name: `#${e.target}` };
          return [h('span', null, a.name, actorCode(a) ? h('span', { class: 'faint small' }, ` ${actorCode(a)}`) : null),
            h('span', null, b.name, actorCode(b) ? h('span', { class: 'faint small' }, ` ${actorCode(b)}`) : null),
            num(e.events), num(e.cooperation), num(e.conflict), score(e.mean_score),
            link(href('relations', { a: actorSpec(a), b: actorSpec(b) }), 'relation \u2192')];
        })));
  }

  async function viewRelations(root, ctx) {
    const q = ctx.query;
    const a = q.get('a') || '', b = q.get('b') || '';
    setTitle(a && b ? `${a} and ${b}` : 'Relations');
    put(root, h('h1', null, a && b ? `${a} and ${b}` : 'Relations'),
      h('p', { class: 'lead' }, 'Everything two actors did to each other, month by month or week by week. An actor is part of a name, a country code (RUS) or COUNTRY:SECTOR (RUS:GOV).'),
      filterForm('relations', [
        { name: 'a', label: 'Actor A', placeholder: 'e.g. Russia' },
        { name: 'b', label: 'Actor B', placeholder: 'e.g. Taliban' },
        { name: 'by', label: 'Per', type: 'select', options: [{ value: 'month', label: 'month' }, { value: 'week', label: 'week' }] },
        { name: 'date_from', label: 'From', cls: 'short', placeholder: 'YYYY-MM-DD' },
        { name: 'date_to', label: 'To', cls: 'short', placeholder: 'YYYY-MM-DD' }], q));
    if (!a || !b) {
      const net = await api('network', { edges: 12 });
      const names = new Map(net.nodes.map((n) => [n.id, n]));
      put(root, h('h2', null, 'Busiest pairs'));
      if (!net.edges.length) { put(root, empty('No actor acts on a recipient yet.')); return; }
      put(root, h('ul', { class: 'pairs' }, net.edges.map((e) => {
        const x = names.get(e.source), y = names.get(e.target);
        return x && y ? h('li', null, link(href('relations', { a: actorSpec(x), b: actorSpec(y) }), `${x.name} \u2192 ${y.name}`), h('span', { class: 'muted' }, ` ${plural(e.events, 'event')}`)) : null;
      })));
      return;
    }
    const rel = await api('relations', { a, b, by: q.get('by') || 'month', date_from: q.get('date_from'), date_to: q.get('date_to') });
    const count = (d) => rel.events.filter((e) => e.direction === d).length;
    put(root, h('p', null, `${plural(rel.events.length, 'event')} between \u201c${a}\u201d and \u201c${b}\u201d: A\u2192B ${num(count('A->B'))}, B\u2192A ${num(count('B->A'))}, together ${num(count('A+B'))}.`,
      rel.unplaced ? ` ${num(rel.unplaced)} with a date too coarse for a ${rel.by} (or none) are not in the chart.` : '',
      rel.left_out ? ` ${num(rel.left_out)} negated or hypothetical left out of it.` : ''));
    put(root, h('div', { class: 'chart-wrap' },
      h('div', { class: 'legend' }, h('span', null, h('span', { class: 'swatch', style: `background:${QUAD_COLORS[2]}` }), 'cooperation events'), h('span', null, h('span', { class: 'swatch', style: `background:${QUAD_COLORS[4]}` }), 'conflict events'), h('span', null, `per ${rel.by}`)),
      relationChart(rel)));
    put(root, h('h2', null, 'Events'));
    if (!rel.events.length) put(root, empty('No event between these two. Check the names on the ', link('#/network', 'network'), ' or ', link('#/events', 'events'), ' pages.'));
    put(root, h('div', { class: 'event-list' }, rel.events.map((e) => eventCard(e))));
  }

  async function viewSearch(root, ctx) {
    const q = ctx.query;
    const words = q.get('q') || '', scope = q.get('scope') === 'quotes' ? 'quotes' : 'documents';
    setTitle(words ? `Search: ${words}` : 'Search');
    put(root, h('h1', null, 'Search'),
      filterForm('search', [
        { name: 'q', label: 'Words', cls: 'wide', placeholder: 'words, "a phrase" or prefix*' },
        { name: 'scope', label: 'In', type: 'select', options: [{ value: 'documents', label: 'articles' }, { value: 'quotes', label: 'quotations' }] }], q));
    if (!words.trim()) { put(root, empty('Type words to find in the articles or in what people said. All words must match.')); return; }
    const pg = await api('search', { q: words, scope, limit: 20, offset: intParam(q, 'offset') });
    const other = scope === 'quotes' ? 'documents' : 'quotes';
    put(root, h('p', { class: 'muted' }, `${plural(pg.total, 'hit')} in ${scope === 'quotes' ? 'quotations' : 'articles'}. `, link(href('search', { q: words, scope: other }), `Search ${other === 'quotes' ? 'quotations' : 'articles'} instead.`)));
    if (!pg.total) return;
    put(root, h('div', { class: 'hits' }, pg.items.map((hit) => {
      const span = hit.spans && hit.spans.length ? hit.spans[0] : null;
      const target = span ? docHref(hit.document_id, span[0], span[1]) : docHref(hit.document_id);
      return h('article', { class: 'card hit', 'data-kind': hit.kind },
        h('h3', null, h('a', { href: target, class: 'hit-link' }, docTitle(hit))),
        h('p', { class: 'snippet' }, hit.kind === 'quote' ? '\u201c' : null, markSnippet(hit.snippet, hit.marks), hit.kind === 'quote' ? '\u201d' : null),
        h('div', { class: 'meta' },
          hit.quote ? (hit.quote.speaker_id != null ? link(href('person/' + hit.quote.speaker_id), hit.quote.speaker) : h('span', { class: 'faint' }, 'unattributed')) : null,
          publisherOf(hit) ? h('span', null, publisherOf(hit)) : h('span', { class: 'faint' }, basename(hit.source)),
          h('span', null, fmt(hit.published)),
          span ? h('a', { class: 'open', href: target }, `show in article (${span[0]}\u2013${span[1]}) \u2192`) : null));
    })), pager(pg, ctx));
  }

  function markSnippet(text, marks) {
    const out = [];
    const c = codec(text);
    let at = 0;
    for (const [pa, pb] of (marks || []).slice().sort((x, y) => x[0] - y[0])) {
      if (pb > c.length || pb <= pa) continue;
      const a = c.toJs(pa), b = c.toJs(pb);
      if (a < at) continue;
      out.push(text.slice(at, a), h('mark', null, text.slice(a, b)));
      at = b;
    }
    out.push(text.slice(at));
    return out;
  }

  // ------------------------------------------------------------------ router

  const ROUTES = {
    stories: viewStories, story: viewStory, documents: viewDocuments, document: viewDocument,
    people: viewPeople, person: viewPerson, quotes: viewQuotes, events: viewEvents,
    network: viewNetwork, relations: viewRelations, search: viewSearch,
  };

  function setTitle(text) { document.title = text ? `${text} \u00b7 newsgraph` : 'newsgraph'; }

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const qi = raw.indexOf('?');
    const path = qi < 0 ? raw : raw.slice(0, qi);
    const query = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
    const parts = path.split('/');
    const name = parts[0] || 'stories';
    let arg = parts.slice(1).join('/');
    try { arg = decodeURIComponent(arg); } catch (e) { /* keep it raw */ }
    return { name, arg, path: path || 'stories', query };
  }

  function go(hash) {
    if (location.hash === hash) render();
    else location.hash = hash;
  }

  let current = 0;
  async function render() {
    const token = ++current;
    const route = parseHash();
    const main = document.getElementById('main');
    for (const a of document.querySelectorAll('.mainnav a')) {
      a.classList.toggle('active', a.dataset.nav.split(' ').includes(route.name));
    }
    const top = document.querySelector('#topsearch input');
    if (route.name === 'search') top.value = route.query.get('q') || '';
    const root = h('div', { class: `view view-${route.name}`, 'data-view': route.name, 'data-hash': location.hash });
    const ctx = {
      arg: route.arg, query: route.query, after: null,
      with(changes) {
        const next = new URLSearchParams(route.query);
        for (const [k, v] of Object.entries(changes)) { if (v == null || v === '') next.delete(k); else next.set(k, String(v)); }
        const text = next.toString();
        return '#/' + route.path + (text ? '?' + text : '');
      },
    };
    const slow = setTimeout(() => { if (token === current) main.replaceChildren(h('p', { class: 'loading' }, 'Loading\u2026')); }, 150);
    let failure = null;
    try {
      const view = ROUTES[route.name];
      if (!view) throw new ApiError('E404', `no such page: #/${route.name}`, 'pick a view in the bar above');
      await view(root, ctx);
    } catch (err) {
      failure = err;
    }
    clearTimeout(slow);
    if (token !== current) return;
    if (failure) {
      if (!(failure instanceof ApiError)) console.warn(failure); // eslint-disable-line no-console
      setTitle('Error');
      root.prepend(errorLine(failure));
    }
    root.dataset.ready = 'true';
    main.replaceChildren(root);
    if (ctx.after) ctx.after();
    else window.scrollTo(0, 0);
  }

  function start() {
    if (SNAP) {
      const banner = document.getElementById('banner');
      banner.hidden = false;
      const when = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]00:00)$/.exec(SNAP.generated || '');
      banner.append(`Report generated ${when ? `${when[1]} ${when[2]} UTC` : fmt(SNAP.generated)} from ${fmt(SNAP.database)}`,
        SNAP.truncated ? ` \u2014 the newest ${num((SNAP.documents || []).length)} documents only` : '',
        ' \u00b7 a snapshot: it reads no server and makes no request.');
      document.body.classList.add('report');
    }
    document.getElementById('topsearch').addEventListener('submit', (event) => {
      event.preventDefault();
      const words = event.target.elements.q.value.trim();
      go(href('search', { q: words }));
    });
    window.addEventListener('hashchange', render);
    window.addEventListener('error', (event) => {
      const main = document.getElementById('main');
      main.prepend(errorLine(new ApiError('ERROR', event.message || 'the page met an error', 'reload the page')));
    });
    if (!SNAP) {
      document.getElementById('footer').append(' ', h('a', { href: 'openapi.json', title: 'the API this page reads' }, 'API description'));
    }
    window.addEventListener('unhandledrejection', (event) => {
      const main = document.getElementById('main');
      main.prepend(errorLine(event.reason instanceof Error ? event.reason : new ApiError('ERROR', String(event.reason))));
    });
    render();
  }

  // For tests and the console: the data access and the snapshot helpers.
  window.newsgraph = { api, Snapshot, markedText };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
