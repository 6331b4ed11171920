// <lantern-featured>: Lantern's featured-article widget. No dependencies, no eval, no inline
// styles: styles are a constructed stylesheet in the shadow root, text is set as text.
// Served at /widget/featured.js with the registered operations' hashes filled in.
(() => {
  "use strict";
  if (!window.customElements || customElements.get("lantern-featured")) return;

  const QUERY = "%FEATURED_WIDGET_HASH%";
  const LIVE = "%FEATURED_WIDGET_CHANGED_HASH%";
  const FALLBACK_AFTER_MS = 2000;
  const MAX_RETRY_MS = 30000;
  const script = document.currentScript;
  const ENDPOINT = new URL("/graphql", (script && script.src) || location.href).href;

  const CSS = `
:host{display:block;color:var(--lantern-featured-color,inherit)}
:host([hidden]){display:none}
[part~=item]{box-sizing:border-box;block-size:var(--lantern-featured-item-height,14em);overflow:hidden;border-block-end:var(--lantern-featured-gap,1em) solid transparent}
p{margin:0 0 .4em}
[part~=title]{font-size:var(--lantern-featured-title-size,1.2em);font-weight:var(--lantern-featured-title-weight,600);line-height:1.3}
[part~=title],[part~=excerpt]{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
[part~=excerpt]{-webkit-line-clamp:var(--lantern-featured-excerpt-lines,4)}
a{color:var(--lantern-featured-link-color,inherit);text-decoration:var(--lantern-featured-link-decoration,none)}
a:hover,a:focus-visible{text-decoration:underline}
[part~=meta]{font-size:var(--lantern-featured-meta-size,.85em);color:var(--lantern-featured-meta-color,inherit)}
[part~=fallback]{font-style:italic}`;
  let sheet;

  const make = (tag, part, text) => {
    const node = document.createElement(tag);
    if (part) node.setAttribute("part", part);
    if (text != null) node.textContent = text;
    return node;
  };

  const formatDate = (date, locale) => {
    const options = { year: "numeric", month: "long", day: "numeric" };
    try {
      return date.toLocaleDateString(locale || undefined, options);
    } catch {
      return date.toLocaleDateString(undefined, options);
    }
  };

  // The items of an answer, or null when it is not the answer the widget asked for.
  const itemsOf = (answer, field, base) => {
    const list = answer && answer.data && answer.data[field];
    if (!Array.isArray(list)) return null;
    const items = [];
    for (const item of list) {
      const article = item && item.article;
      const author = article && article.author;
      const date = new Date(article && article.publishedAt);
      if (!author || typeof item.title != "string" || typeof item.excerpt != "string" || typeof article.uri != "string" ||
          typeof author.displayName != "string" || isNaN(date)) return null;
      let link;
      try {
        link = new URL(article.uri, base);
      } catch {
        return null;
      }
      if (!/^https?:$/.test(link.protocol)) return null;
      items.push({ title: item.title, excerpt: item.excerpt, href: link.href, date, author: author.displayName });
    }
    return items;
  };

  class LanternFeatured extends HTMLElement {
    static get observedAttributes() {
      return ["slot-name", "endpoint", "count", "locale", "fallback", "live", "link-base"];
    }

    connectedCallback() {
      if (!this.box) {
        const root = this.attachShadow({ mode: "open" });
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        root.adoptedStyleSheets = [sheet];
        this.box = make("div", "container");
        root.append(this.box);
      }
      this.start();
    }

    disconnectedCallback() {
      this.stop();
    }

    attributeChangedCallback() {
      if (this.box && this.isConnected && !this.restarting) {
        this.restarting = true;
        queueMicrotask(() => {
          this.restarting = false;
          if (this.isConnected) this.start();
        });
      }
    }

    settings() {
      const attribute = (name) => this.getAttribute(name);
      const url = (value, fallback) => {
        try {
          return new URL(value || fallback, document.baseURI).href;
        } catch {
          return fallback;
        }
      };
      return {
        slot: attribute("slot-name") || "sidebar",
        count: Math.min(10, Math.max(1, parseInt(attribute("count"), 10) || 1)),
        locale: attribute("locale"),
        quiet: attribute("fallback") !== "none",
        live: this.hasAttribute("live"),
        endpoint: url(attribute("endpoint"), ENDPOINT),
        base: url(attribute("link-base"), document.baseURI),
      };
    }

    start() {
      this.stop();
      const run = (this.run = { settings: this.settings(), abort: new AbortController(), timers: [], shown: false });
      this.box.setAttribute("aria-busy", "true");
      this.render(run, []);
      run.timers.push(setTimeout(() => this.fail(run), FALLBACK_AFTER_MS));
      this.request(run, QUERY, "application/json")
        .then((response) => response.json())
        .then((answer) => this.show(run, answer, "featured"))
        .catch(() => this.fail(run));
      if (run.settings.live) this.listen(run, 0);
    }

    stop() {
      if (!this.run) return;
      this.run.abort.abort();
      this.run.timers.forEach(clearTimeout);
      this.run = null;
    }

    request(run, hash, accept) {
      const url = new URL(run.settings.endpoint);
      url.searchParams.set("documentId", "sha256:" + hash);
      url.searchParams.set("variables", JSON.stringify({ slot: run.settings.slot, first: run.settings.count }));
      return fetch(url, {
        headers: { accept, "x-graphql-csrf": "1" },
        mode: "cors",
        credentials: "omit",
        signal: run.abort.signal,
      }).then((response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response;
      });
    }

    // Server-sent events of the featuredChanged subscription; reconnects with back-off.
    listen(run, attempt) {
      this.request(run, LIVE, "text/event-stream")
        .then(async (response) => {
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = "";
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value, { stream: true }).replace(/\r/g, "");
            for (let end; (end = buffer.indexOf("\n\n")) >= 0; ) {
              const event = buffer.slice(0, end).split("\n");
              buffer = buffer.slice(end + 2);
              if (!event.includes("event: next")) continue;
              attempt = 0;
              let answer = null;
              try {
                answer = JSON.parse(event.filter((line) => line.startsWith("data:")).map((line) => line.slice(5)).join("\n"));
              } catch {}
              this.show(run, answer, "featuredChanged");
            }
          }
        })
        .catch(() => {})
        .then(() => {
          if (run !== this.run) return;
          const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
          run.timers.push(setTimeout(() => this.listen(run, attempt + 1), delay));
        });
    }

    show(run, answer, field) {
      if (run !== this.run) return;
      const items = itemsOf(answer, field, run.settings.base);
      if (!items) return this.fail(run);
      if (!items.length) {
        run.shown = false;
        return this.fail(run);
      }
      run.shown = true;
      this.render(run, items);
    }

    fail(run) {
      if (run !== this.run || run.shown) return;
      const fallback = make("div", "fallback");
      if (run.settings.quiet) {
        // The host's own content of the element, or a short note.
        const slot = make("slot", null, "The featured article is not available right now.");
        fallback.append(slot);
      }
      this.render(run, [], fallback);
    }

    // Always `count` boxes of a fixed height, so the host's layout never moves.
    render(run, items, fallback) {
      const { count, locale } = run.settings;
      const boxes = [];
      for (let i = 0; i < count; i++) {
        const item = items[i];
        if (!item) {
          const empty = make("div", "item empty");
          if (i === 0 && fallback) empty.append(fallback);
          boxes.push(empty);
          continue;
        }
        const article = make("article", "item");
        const title = make("p", "title");
        const link = make("a", "link", item.title);
        link.href = item.href;
        title.append(link);
        const time = make("time", "date", formatDate(item.date, locale));
        time.dateTime = item.date.toISOString();
        const meta = make("p", "meta");
        meta.append(time, " ", make("span", "byline", "By " + item.author));
        article.append(title, meta, make("p", "excerpt", item.excerpt));
        boxes.push(article);
      }
      if (items.length || fallback) this.box.removeAttribute("aria-busy");
      this.box.replaceChildren(...boxes);
    }
  }

  customElements.define("lantern-featured", LanternFeatured);
})();
