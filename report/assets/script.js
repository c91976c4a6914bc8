(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("data").textContent);
  var KIND = document.body.getAttribute("data-kind");
  var CHUNK = 150;
  var rowsEl = document.getElementById("rows");
  var sentinel = document.getElementById("sentinel");
  var emptyEl = document.getElementById("empty");
  var summary = document.getElementById("summary");
  var toolbar = document.getElementById("toolbar");
  var colhead = document.getElementById("colhead");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function stat(label, value) {
    var s = el("span", "stat");
    s.appendChild(document.createTextNode(label + " "));
    s.appendChild(el("b", null, value));
    summary.appendChild(s);
    return s;
  }
  function chips(label, list, cls) {
    if (!list || !list.length) return;
    var s = el("span", "stat");
    s.appendChild(document.createTextNode(label + " "));
    var c = el("span", "chips");
    list.forEach(function (x) { c.appendChild(el("span", "chip " + (cls || ""), x.label + " " + x.n)); });
    s.appendChild(c);
    summary.appendChild(s);
  }
  function checkbox(id, label, onchange) {
    var l = el("label");
    var i = el("input");
    i.type = "checkbox";
    i.id = id;
    i.addEventListener("change", onchange);
    l.appendChild(i);
    l.appendChild(document.createTextNode(label));
    toolbar.appendChild(l);
    return i;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // pieces renders a sentence's pieces into parent: strings as text,
  // [index, text] pairs as <mark>s made by mark(index, text).
  function pieces(parent, ps, mark) {
    for (var k = 0; k < ps.length; k++) {
      var p = ps[k];
      if (typeof p === "string") parent.appendChild(document.createTextNode(p));
      else parent.appendChild(mark(p[0], p[1]));
    }
  }
  function plain(ps) {
    var s = "";
    for (var k = 0; k < ps.length; k++) s += typeof ps[k] === "string" ? ps[k] : ps[k][1];
    return s;
  }

  // Lazy list: rows are rendered CHUNK at a time as the sentinel nears the
  // viewport, so the first screen costs the same for any report size.
  var order = [], shown = 0, render = null, divider = null;
  function more() {
    var end = Math.min(order.length, shown + CHUNK);
    var frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) {
      if (divider) {
        var d = divider(i > 0 ? order[i - 1] : -1, order[i]);
        if (d) frag.appendChild(d);
      }
      frag.appendChild(render(order[i]));
    }
    rowsEl.appendChild(frag);
    shown = end;
    sentinel.hidden = shown >= order.length;
    emptyEl.hidden = order.length > 0;
    if (!sentinel.hidden) requestAnimationFrame(topUp);
  }
  function topUp() {
    if (!sentinel.hidden && sentinel.getBoundingClientRect().top < window.innerHeight + 600) more();
  }
  function reset(newOrder) {
    order = newOrder;
    shown = 0;
    rowsEl.textContent = "";
    more();
  }
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (es) { if (es[0].isIntersecting) more(); }, { rootMargin: "600px" }).observe(sentinel);
  } else {
    window.addEventListener("scroll", topUp, { passive: true });
  }
  function head(labels) {
    labels.forEach(function (t, i) {
      var d = el("div", null, t);
      if (i === 1) d.lang = "zh-CN";
      colhead.appendChild(d);
    });
  }

  // ---- alignment and check reports ----
  function alignment() {
    var rows = D.rows, flags = D.flags, terms = D.terms, multi = D.docs.length > 1;
    var unZH = 0, unEN = 0, nFlagged = 0;
    rows.forEach(function (r) {
      if (!r.ei.length) unZH++;
      if (!r.zi.length) unEN++;
      if (r.f) nFlagged++;
    });
    if (multi) stat("Documents", fmt(D.docs.length));
    stat("Chinese sentences", fmt(D.zhSentences));
    stat("English sentences", fmt(D.enSentences));
    stat("Beads", fmt(rows.length));
    chips("by type", D.types);
    if (rows.some(function (r) { return r.c >= 0; })) stat("Low confidence (<" + D.low.toFixed(2) + ")", fmt(D.lowBeads));
    if (unZH) stat("Chinese unaligned", fmt(unZH));
    if (unEN) stat("English unaligned", fmt(unEN));
    if (terms.length) stat("Glossary terms", fmt(terms.length));
    stat("Findings", fmt(flags.length));
    chips("", D.kinds, "kind");
    D.stats.forEach(function (s) { stat(s.Label, s.Value); });
    if (D.elapsed) stat("Time", D.elapsed);
    if (D.generated) stat("Generated", D.generated);

    var fLow = checkbox("f-low", "Low confidence only", apply);
    var fFind = checkbox("f-find", "Findings only", apply);
    var fUn = checkbox("f-unaligned", "Unaligned only", apply);
    var fDoc = null;
    if (multi) {
      fDoc = el("select");
      fDoc.id = "f-doc";
      fDoc.appendChild(el("option", null, "All documents")).value = "-1";
      D.docs.forEach(function (n, i) { fDoc.appendChild(el("option", null, n)).value = String(i); });
      fDoc.addEventListener("change", apply);
      toolbar.appendChild(fDoc);
    }
    var fText = el("input");
    fText.type = "search";
    fText.id = "f-text";
    fText.placeholder = "Search both sides…";
    var timer = 0;
    fText.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
    toolbar.appendChild(fText);
    if (flags.length) {
      var next = el("button", null, "Next finding ↓");
      next.type = "button";
      next.id = "next-finding";
      next.title = "scroll to the next row with a finding (key n; p for the previous)";
      next.addEventListener("click", function () { jump(1); });
      toolbar.appendChild(next);
      document.addEventListener("keydown", function (ev) {
        if (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
        if (ev.key === "n") jump(1);
        else if (ev.key === "p") jump(-1);
      });
    }
    var status = el("span", null);
    status.id = "status";
    toolbar.appendChild(status);
    head(["Bead", "中文", "English"]);

    // jump scrolls to the next (dir 1) or previous (-1) flagged row below
    // or above the sticky header, rendering rows up to it if needed.
    function jump(dir) {
      var bar = document.getElementById("bar");
      var top = bar.getBoundingClientRect().bottom + 1;
      var k, target = -1;
      for (k = 0; k < order.length; k++) {
        if (!rows[order[k]].f) continue;
        if (k >= shown) { if (dir > 0) { target = k; break; } continue; }
        var y = rowsEl.querySelector('[data-row="' + order[k] + '"]').getBoundingClientRect().top;
        if (dir > 0 && y > top + 2) { target = k; break; }
        if (dir < 0 && y < top - 2) target = k;
      }
      if (target < 0) return;
      while (shown <= target) more();
      var elRow = rowsEl.querySelector('[data-row="' + order[target] + '"]');
      // The toolbar and column header stick to the top once the page
      // scrolls past them.
      window.scrollBy(0, elRow.getBoundingClientRect().top - bar.offsetHeight);
    }

    var texts = null;
    function text(i) {
      if (!texts) texts = new Array(rows.length);
      if (texts[i] === undefined) {
        var r = rows[i];
        texts[i] = (r.z.map(plain).join("") + "\n" + r.e.map(plain).join(" ")).toLowerCase();
      }
      return texts[i];
    }
    function apply() {
      var q = fText.value.trim().toLowerCase();
      var doc = fDoc ? Number(fDoc.value) : -1;
      var out = [];
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        if (fLow.checked && !r.l) continue;
        if (fFind.checked && !r.f) continue;
        if (fUn.checked && r.zi.length && r.ei.length) continue;
        if (doc >= 0 && r.d !== doc) continue;
        if (q && text(i).indexOf(q) < 0) continue;
        out.push(i);
      }
      status.textContent = "Showing " + fmt(out.length) + " of " + fmt(rows.length) + " beads";
      status.setAttribute("data-shown", out.length);
      status.setAttribute("data-total", rows.length);
      reset(out);
    }

    function termTitle(t) {
      var x = terms[t];
      return x.zh + " → " + x.en + (x.note ? " (" + x.note + ")" : "");
    }
    function side(cell, ps, ids, lang, bad) {
      if (!ps.length) {
        cell.appendChild(el("span", "missing", lang === "zh" ? "no Chinese: unaligned English" : "no English: unaligned Chinese"));
        return;
      }
      ps.forEach(function (sent, k) {
        var s = el("span", "s");
        var sid = el("span", "sid", ids[k] + 1);
        sid.title = (lang === "zh" ? "Chinese" : "English") + " sentence " + (ids[k] + 1);
        s.appendChild(sid);
        pieces(s, sent, function (t, txt) {
          var cls = terms[t].forbidden && lang === "en" ? "forbidden" : bad[terms[t].zh] && lang === "zh" ? "bad" : null;
          var m = el("mark", cls, txt);
          m.title = (terms[t].forbidden ? "forbidden rendering: " : "") + termTitle(t);
          m.setAttribute("data-term", t);
          return m;
        });
        cell.appendChild(s);
      });
    }
    if (multi) divider = function (prev, i) {
      if (prev >= 0 && rows[prev].d === rows[i].d) return null;
      var d = el("div", "docrow", D.docs[rows[i].d]);
      d.lang = "zh-CN";
      return d;
    };
    render = function (i) {
      var r = rows[i];
      var row = el("div", "row");
      row.setAttribute("data-row", i);
      if (r.l) row.classList.add("low");
      if (!r.zi.length || !r.ei.length) row.classList.add("omit");
      var bad = {};
      if (r.f) {
        row.classList.add("flagged");
        r.f.forEach(function (f) { if (flags[f].term) bad[flags[f].term] = true; });
      }
      var meta = el("div", "meta");
      meta.appendChild(el("span", "n", "#" + (i + 1)));
      meta.appendChild(el("span", "type", r.t)).title = "bead type: Chinese-English sentence counts";
      if (r.c >= 0) {
        var conf = el("div", "conf");
        var bar = el("span", "bar");
        var fill = el("i");
        fill.style.width = Math.round(r.c * 100) + "%";
        bar.appendChild(fill);
        conf.appendChild(bar);
        conf.appendChild(el("span", null, r.c.toFixed(2)));
        conf.title = "confidence " + r.c.toFixed(3);
        meta.appendChild(conf);
      }
      if (r.l) meta.appendChild(el("span", "badge low", "low confidence"));
      if (r.f) meta.appendChild(el("span", "badge find", r.f.length === 1 ? "1 finding" : r.f.length + " findings"));
      row.appendChild(meta);
      var zh = el("div", "zh");
      zh.lang = "zh-CN";
      side(zh, r.z, r.zi, "zh", bad);
      row.appendChild(zh);
      var en = el("div", "en");
      en.lang = "en";
      side(en, r.e, r.ei, "en", bad);
      row.appendChild(en);
      if (r.f) {
        var box = el("div", "findings");
        r.f.forEach(function (fi) {
          var f = flags[fi];
          var line = el("div", "finding sev-" + (f.severity || "error"));
          line.appendChild(el("span", "kind", f.kind));
          if (f.term) { line.appendChild(el("span", "term", f.term)); line.appendChild(document.createTextNode(" ")); }
          if (f.expected) { line.appendChild(document.createTextNode("expected ")); line.appendChild(el("span", "exp", f.expected)); line.appendChild(document.createTextNode(" ")); }
          if (f.found) { line.appendChild(document.createTextNode("found ")); line.appendChild(el("span", "found", f.found)); line.appendChild(document.createTextNode(" ")); }
          if (f.message) line.appendChild(el("span", "msg", f.message));
          box.appendChild(line);
        });
        row.appendChild(box);
      }
      return row;
    };
    apply();
  }

  // ---- concordance ----
  function concordance() {
    var rows = D.rows, groups = D.groups;
    stat("Term", D.term);
    stat("Matching beads", fmt(rows.length));
    stat("Searched beads", fmt(D.searched));
    stat("Renderings", fmt(groups.filter(function (g) { return g.label; }).length));
    if (D.elapsed) stat("Time", D.elapsed);
    if (D.generated) stat("Generated", D.generated);
    var off = {};
    var wrap = el("div", "chips");
    groups.forEach(function (g, gi) {
      var c = el("span", "chip group" + (g.label ? "" : " none"), (g.label || "no rendering found") + " (" + g.n + ")");
      c.title = "click to hide or show this group";
      c.setAttribute("data-group", gi);
      c.addEventListener("click", function () { off[gi] = !off[gi]; c.classList.toggle("off", !!off[gi]); apply(); });
      wrap.appendChild(c);
    });
    toolbar.appendChild(wrap);
    var status = el("span", null);
    status.id = "status";
    toolbar.appendChild(status);
    head(["Pair", D.side === "en" ? "中文 (rendering)" : "中文", D.side === "en" ? "English (term)" : "English"]);
    function apply() {
      var out = [];
      for (var i = 0; i < rows.length; i++) if (!off[rows[i].g]) out.push(i);
      status.textContent = "Showing " + fmt(out.length) + " of " + fmt(rows.length) + " beads";
      status.setAttribute("data-shown", out.length);
      status.setAttribute("data-total", rows.length);
      reset(out);
    }
    divider = function (prev, i) {
      if (prev >= 0 && rows[prev].g === rows[i].g) return null;
      var g = groups[rows[i].g];
      return el("div", "docrow", (g.label || "no rendering found") + " (" + g.n + ")");
    };
    function mk(t, txt) { return el("mark", t === 0 ? "q" : "r", txt); }
    render = function (i) {
      var r = rows[i];
      var row = el("div", "row");
      row.setAttribute("data-row", i);
      var meta = el("div", "meta");
      meta.appendChild(el("span", "n", "#" + (i + 1)));
      if (r.doc) meta.appendChild(el("span", "doc", r.doc)).title = r.doc;
      row.appendChild(meta);
      var zh = el("div", "zh");
      zh.lang = "zh-CN";
      r.z.forEach(function (s) { pieces(zh, s, mk); });
      row.appendChild(zh);
      var en = el("div", "en");
      en.lang = "en";
      r.e.forEach(function (s) { pieces(en, s, mk); });
      row.appendChild(en);
      return row;
    };
    apply();
  }

  if (KIND === "concordance") concordance(); else alignment();
  document.body.setAttribute("data-ready", String(Math.round(performance.now())));
})();
