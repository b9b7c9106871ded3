// Storyline web UI: plain JavaScript over the JSON API (/api/...).
//
// Safety rule: scraped text (titles, bodies, outlets, URLs, ids) only ever reaches the page as text nodes
// (el() appends strings with document.createTextNode) or as attributes from a fixed list; innerHTML is never used.
// Links to articles' own URLs are made only for http: and https: URLs. The server's Content-Security-Policy
// (script-src 'self') is the second layer: even injected markup could not run a script.
'use strict';

(function () {
  const main = document.getElementById('main');
  const ELIDE_WORDS = 40; // a run of unchanged words longer than this is shortened to its ends in diffs
  const KEEP_WORDS = 12;

  // ---- building the DOM safely -------------------------------------------------------------------------------

  const ALLOWED_ATTRIBUTES = new Set(['class', 'href', 'title', 'datetime', 'rel', 'target', 'id', 'lang']);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (!ALLOWED_ATTRIBUTES.has(name)) throw new Error('attribute not allowed: ' + name);
      if (name === 'href' && !isInternal(value) && safeUrl(value) === null) continue;
      e.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      e.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return e;
  }

  function isInternal(href) {
    return typeof href === 'string' && href.startsWith('#/');
  }

  // The URL when it is an absolute http(s) URL, else null (javascript:, data:, relative paths...).
  function safeUrl(url) {
    if (typeof url !== 'string') return null;
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function route(kind, id) {
    return '#/' + kind + '/' + encodeURIComponent(id);
  }

  function show(...nodes) {
    main.replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
  }

  function when(iso) {
    if (!iso) return 'undated';
    const d = new Date(iso);
    if (isNaN(d.getTime())) return 'undated';
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function day(iso) {
    return iso ? when(iso).slice(0, 10) : 'undated';
  }

  function span(first, last) {
    const a = day(first);
    const b = day(last);
    return a === b ? when(first) : a + ' – ' + b;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : (many || one + 's'));
  }

  function chips(items, cls) {
    return el('ul', { class: 'chips' + (cls ? ' ' + cls : '') }, (items || []).map(x => el('li', {}, x)));
  }

  function externalLink(url, text) {
    const safe = safeUrl(url);
    return safe ? el('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank' }, text) : null;
  }

  // ---- API ----------------------------------------------------------------------------------------------------

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      const detail = body && body.detail ? body.detail : res.status + ' ' + res.statusText;
      const err = new Error(detail);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  // ---- pages ----------------------------------------------------------------------------------------------------

  async function frontPage() {
    const health = await api('/api/health');
    if (!health.clustering) {
      const articles = (await api('/api/articles?limit=50')).items;
      show(el('h1', {}, 'Latest articles'),
        el('p', { class: 'note' }, 'Story clustering is not available in this build; articles are listed as added.'),
        articleList(articles));
      return;
    }
    const stories = (await api('/api/stories?limit=50')).items;
    show(el('h1', {}, 'Latest stories'),
      el('p', { class: 'meta' }, plural(health.articles, 'article') + ' in ' + plural(health.stories, 'story', 'stories') + ', ' + plural(health.topics, 'topic')),
      stories.length === 0
        ? el('p', { class: 'note' }, 'No stories yet: add articles with POST /api/articles or storyline run.')
        : el('ul', { class: 'cards stories' }, stories.map(storyCard)));
  }

  function storyCard(s) {
    return el('li', { class: 'story' },
      el('a', { class: 'title story-link', href: route('story', s.id) }, s.headline || '(untitled story)'),
      el('div', { class: 'meta' }, span(s.firstSeen, s.lastSeen) + ' · ' + plural(s.size, 'article')),
      chips(s.outlets, 'outlets'));
  }

  function articleList(articles) {
    if (articles.length === 0) return el('p', { class: 'note' }, 'No articles.');
    return el('ul', { class: 'cards articles' }, articles.map(a => el('li', { class: 'article' },
      el('a', { class: 'title', href: route('article', a.id) }, a.title || a.id),
      el('div', { class: 'meta' }, [a.outlet, when(a.published)].filter(Boolean).join(' · '),
        a.story ? el('a', { class: 'badge', href: route('story', a.story) }, 'story') : null,
        a.copyGroup ? el('a', { class: 'badge', href: route('copies', a.copyGroup) }, 'copies') : null),
      a.snippet ? el('p', { class: 'snippet' }, a.snippet) : null)));
  }

  async function storyPage(id) {
    const v = await api('/api/stories/' + encodeURIComponent(id));
    const s = v.story;
    const groups = await Promise.all(v.copyGroups.map(g => api('/api/copies/' + encodeURIComponent(g.id))));
    show(
      el('h1', {}, s.headline || '(untitled story)'),
      el('div', { class: 'meta' }, span(s.firstSeen, s.lastSeen) + ' · ' + plural(s.size, 'article'),
        s.topicId ? el('a', { class: 'badge topic-link', href: route('topic', s.topicId) }, 'topic timeline') : null),
      el('h2', {}, 'Outlets'), chips(v.outlets, 'outlets'),
      s.entities && s.entities.length ? [el('h2', {}, 'Entities'), chips(s.entities, 'entities')] : null,
      el('h2', {}, 'Timeline'),
      el('ol', { class: 'timeline' }, v.timeline.map(t => el('li', {},
        el('div', { class: 'meta' }, when(t.time) + (t.outlet ? ' · ' + t.outlet : '')),
        el('a', { href: route('article', t.article) }, t.title || t.article),
        t.copyGroup ? el('a', { class: 'badge', href: route('copies', t.copyGroup) }, 'copy') : null))),
      el('h2', {}, 'Copies'),
      groups.length === 0
        ? el('p', { class: 'note' }, 'No article of this story is a copy of another.')
        : groups.map(copyGroup));
  }

  function outletOf(members, id) {
    const m = members.find(x => x.id === id);
    return m ? (m.outlet || m.id) : id;
  }

  function copyGroup(g) {
    return el('section', { class: 'copy-group' },
      el('p', { class: 'legend meta' }, 'One text carried by ' + plural(g.members.length, 'outlet') + '. Differences from the first version: ', el('ins', {}, 'added'), ' ',
        el('del', {}, 'removed'), '.'),
      g.diffs.map(d => diffBlock(d, g.members)));
  }

  function diffBlock(d, members) {
    const text = el('div', { class: 'text' });
    // The runs keep the texts' own spacing and paragraph breaks: they are shown one after the other as they are.
    for (const c of d.changes) {
      if (c.kind === 'ADDED') text.append(el('ins', {}, c.text));
      else if (c.kind === 'REMOVED') text.append(el('del', {}, c.text));
      else text.append(unchanged(c.text));
    }
    return el('div', { class: 'diff' },
      el('h3', {}, outletOf(members, d.toId) + ' compared with ' + outletOf(members, d.fromId)),
      text);
  }

  // An unchanged run: long ones show their ends and can be expanded.
  function unchanged(words) {
    const parts = words.split(/ +/);
    if (parts.length <= ELIDE_WORDS) return document.createTextNode(words);
    const holder = el('span', { class: 'same' });
    const gap = el('span', { class: 'elided', title: 'show unchanged text' },
      ' […' + (parts.length - 2 * KEEP_WORDS) + ' unchanged words…] ');
    gap.addEventListener('click', () => holder.replaceChildren(words));
    holder.append(parts.slice(0, KEEP_WORDS).join(' '), gap, parts.slice(-KEEP_WORDS).join(' '));
    // (paragraph breaks inside the shortened middle are dropped with it)
    return holder;
  }

  async function copiesPage(id) {
    const g = await api('/api/copies/' + encodeURIComponent(id));
    show(el('h1', {}, 'Copy group ' + g.id), articleList(g.members), el('h2', {}, 'What each outlet changed'),
      copyGroup(g));
  }

  async function articlePage(id) {
    const a = await api('/api/articles/' + encodeURIComponent(id));
    const source = externalLink(a.url, a.url);
    show(
      el('h1', {}, a.title || a.id),
      el('div', { class: 'meta' }, [a.outlet, a.byline, when(a.published), a.dateline].filter(Boolean).join(' · ')),
      el('div', { class: 'meta' }, source ? ['Source: ', source] : (a.url ? 'Source: ' + a.url : null)),
      el('div', { class: 'meta' },
        a.story ? el('a', { class: 'badge', href: route('story', a.story) }, 'story') : null,
        a.topic ? el('a', { class: 'badge', href: route('topic', a.topic) }, 'topic') : null,
        a.copyGroup ? el('a', { class: 'badge', href: route('copies', a.copyGroup) },
          'copy group' + (a.relation ? ' (' + a.relation + ')' : '')) : null),
      el('div', { class: 'article-text' }, (a.text || '').split('\n\n').map(p => el('p', {}, p))));
  }

  async function topicPage(id) {
    const v = await api('/api/topics/' + encodeURIComponent(id));
    show(
      el('h1', {}, v.topic.label || v.topic.id),
      el('div', { class: 'meta' }, span(v.topic.firstSeen, v.topic.lastSeen) + ' · '
        + plural(v.stories.length, 'story', 'stories')),
      el('h2', {}, 'Timeline'),
      el('ol', { class: 'timeline' }, v.stories.map(s => el('li', {},
        el('div', { class: 'meta' }, span(s.firstSeen, s.lastSeen) + ' · ' + plural(s.size, 'article')),
        el('a', { class: 'story-link', href: route('story', s.id) }, s.headline || s.id),
        chips(s.outlets, 'outlets')))));
  }

  async function searchPage(q) {
    document.getElementById('search-input').value = q;
    if (!q.trim()) {
      show(el('h1', {}, 'Search'), el('p', { class: 'note' }, 'Type words to search titles and texts.'));
      return;
    }
    const v = await api('/api/search?limit=50&q=' + encodeURIComponent(q));
    show(el('h1', {}, 'Search: ' + q), el('p', { class: 'meta' }, plural(v.hits.length, 'article')),
      articleList(v.hits.map(h => h.article)));
  }

  // ---- routing --------------------------------------------------------------------------------------------------

  async function render() {
    const hash = location.hash || '#/';
    const [path, query] = hash.slice(1).split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    try {
      if (parts.length === 0) await frontPage();
      else if (parts[0] === 'story' && parts[1]) await storyPage(parts[1]);
      else if (parts[0] === 'topic' && parts[1]) await topicPage(parts[1]);
      else if (parts[0] === 'article' && parts[1]) await articlePage(parts[1]);
      else if (parts[0] === 'copies' && parts[1]) await copiesPage(parts[1]);
      else if (parts[0] === 'search') await searchPage(new URLSearchParams(query || '').get('q') || '');
      else show(el('h1', {}, 'Not found'), el('p', {}, el('a', { href: '#/' }, 'Latest stories')));
    } catch (e) {
      show(el('h1', {}, e.status === 404 ? 'Not found' : 'Something went wrong'), el('p', { class: 'error' }, e.message));
    }
    window.scrollTo(0, 0);
  }

  document.getElementById('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/search?q=' + encodeURIComponent(document.getElementById('search-input').value);
  });
  window.addEventListener('hashchange', render);
  render();
})();
