// proofread review page. Every string from the document reaches the screen through
// textContent / createTextNode only; nothing here parses HTML strings, evaluates code or uses the network
// (except the review server's own /save, same origin, with the token it printed).
(function () {
  "use strict";

  var UNDECIDED = -2, REJECTED = -1;
  var data = JSON.parse(document.getElementById("proofread-data").textContent);
  var src = data.text;
  var F = data.findings;
  var choices = F.map(function (f) { return f.initial; });
  var order = F.map(function (f, i) { return i; }).sort(function (a, b) {
    return F[a].s - F[b].s || F[a].e - F[b].e || a - b;
  });
  var current = -1; // position in `order` of the selected finding
  var els = []; // finding index -> its element in the text
  var storeKey = "proofread:v1:" + data.hash;
  var saved = false;

  // ---- the text the decisions give (twin of proofread.reporters.html.apply_decisions) ----
  function applyDecisions(text, findings, picks) {
    var items = [];
    findings.forEach(function (f, i) {
      var c = picks[i];
      if (typeof c === "number" && c >= 0 && c < f.replacements.length) items.push([f.s, f.e, i, f.replacements[c]]);
    });
    items.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    var out = [], pos = 0, last = null;
    items.forEach(function (it) {
      if (last && (it[0] < last[1] || it[0] === last[0])) return;
      out.push(text.slice(pos, it[0]), it[3]);
      pos = it[1];
      last = it;
    });
    out.push(text.slice(pos));
    return out.join("");
  }
  // Exposed for the tests that compare it with the Python twin; harmless for anyone else.
  window.proofreadApply = applyDecisions;

  function conflicts(a, b) { return a.s === b.s || (a.s < b.e && b.s < a.e); }
  function resultText() { return applyDecisions(src, F, choices); }

  // ---- small DOM helpers (text only) ----
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function button(label, onClick, cls) {
    var b = el("button", cls || "", label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  // Whitespace inside a finding is invisible; show it as a symbol (display only).
  function visible(s) {
    return s.replace(/\r\n/g, "↵").replace(/\n/g, "↵").replace(/\r/g, "␍").replace(/\t/g, "⇥")
      .replace(/ /g, "␣").replace(/\u3000/g, "□");
  }
  function plain(s) { return document.createTextNode(s.replace(/\r\n/g, "\n")); }

  // ---- storage: decisions survive a reload, keyed by the document's hash ----
  function findingKey(f) { return [f.code, f.s, f.e, f.original, f.replacements.join("\u0001")].join("\u0000"); }
  function load() {
    var stored;
    try { stored = JSON.parse(window.localStorage.getItem(storeKey) || "null"); } catch (e) { stored = null; }
    if (!stored || stored.v !== 1 || typeof stored.d !== "object" || stored.d === null) return;
    F.forEach(function (f, i) {
      var c = stored.d[findingKey(f)];
      if (typeof c === "number" && Math.floor(c) === c && c >= UNDECIDED && c < f.replacements.length) choices[i] = c;
    });
  }
  function store() {
    var d = {};
    F.forEach(function (f, i) { d[findingKey(f)] = choices[i]; });
    try { window.localStorage.setItem(storeKey, JSON.stringify({ v: 1, d: d })); } catch (e) { /* private mode */ }
  }

  // ---- page skeleton ----
  var header = el("header");
  var main = el("main");
  var docEl = el("div");
  docEl.id = "doc";
  docEl.setAttribute("lang", "zh-Hans");
  var panel = el("aside");
  panel.id = "panel";
  panel.setAttribute("aria-label", "Selected finding");
  panel.setAttribute("aria-live", "polite");
  add(main, docEl, panel);
  add(document.body, header, main);
  document.title = "proofread: " + data.name;

  var title = el("h1");
  add(title, "Review ", el("span", "docname", data.name));
  var meta = el("div", "meta");
  meta.textContent = F.length + " findings · generated " + data.generated + " · " + data.tool +
    " · encoding " + data.encoding + (data.mode === "review" ? " · Save writes " + data.path : "");
  var counts = el("div", "counts");
  counts.id = "counts";
  var byKind = {};
  var suggestions = 0;
  F.forEach(function (f) {
    byKind[f.kind] = (byKind[f.kind] || 0) + 1;
    if (!f.safe) suggestions++;
  });
  data.kinds.concat(Object.keys(byKind).filter(function (k) { return data.kinds.indexOf(k) < 0; }))
    .forEach(function (k) {
      if (!byKind[k]) return;
      var chip = el("span", "chip k-" + k);
      chip.setAttribute("data-kind", k);
      add(chip, k, el("b", "", byKind[k]));
      counts.appendChild(chip);
    });
  var sugChip = el("span", "chip suggestion");
  sugChip.setAttribute("data-kind", "suggestion");
  add(sugChip, "suggestions (not safe)", el("b", "", suggestions));
  counts.appendChild(sugChip);
  var states = el("span", "states");
  states.id = "states";
  counts.appendChild(states);

  var toolbar = el("div", "toolbar");
  var saveBtn = null;
  add(toolbar,
    button("Accept all safe", acceptAllSafe),
    button("Reject all", rejectAll),
    button("Reset", resetAll),
    button("Download", download, data.mode === "review" ? "" : "primary"));
  toolbar.lastChild.id = "download";
  toolbar.children[0].id = "accept-safe";
  toolbar.children[1].id = "reject-all";
  toolbar.children[2].id = "reset";
  if (data.mode === "review") {
    saveBtn = button("Save to file", save, "primary");
    saveBtn.id = "save";
    toolbar.appendChild(saveBtn);
  }
  var keys = el("span", "keys");
  [["j", "n"], ["k", "p"], ["a"], ["r"], ["u"], ["1–9"]].forEach(function (ks, i) {
    ks.forEach(function (k) { add(keys, el("kbd", "", k), " "); });
    add(keys, ["next", "previous", "accept", "reject", "undecide", "alternative"][i] + "  ");
  });
  toolbar.appendChild(keys);
  var notice = el("span", "notice");
  notice.id = "notice";
  notice.setAttribute("role", "status");
  toolbar.appendChild(notice);
  add(header, title, meta, counts, toolbar);
  if (data.encoding.replace(/[-_]/g, "").toLowerCase() !== "utf8") {
    say("Download is UTF-8 (the file is " + data.encoding + "); `proofread review` writes it back in " +
      data.encoding + ".", "");
  }

  function say(text, cls) {
    notice.textContent = text;
    notice.className = "notice" + (cls ? " " + cls : "");
  }

  // ---- the text with its findings ----
  function findingEl(i, inCluster) {
    var f = F[i];
    var span = el("span", "f k-" + f.kind + (f.safe ? "" : " suggestion"));
    span.setAttribute("data-i", String(i));
    span.setAttribute("data-code", f.code);
    span.title = f.code + " " + f.name + ": " + f.message + "\n" +
      (f.replacements.length ? "→ " + f.replacements.map(function (r) { return r === "" ? "(delete)" : r; }).join(" / ") + "  " : "") +
      "confidence " + f.confidence.toFixed(2) + (f.safe ? ", safe fix" : ", suggestion");
    var del = el("del");
    var ins = el("ins");
    fillText(del, f.original);
    span.appendChild(del);
    span.appendChild(ins);
    span.addEventListener("click", function (ev) { ev.stopPropagation(); select(order.indexOf(i), false); });
    els[i] = span;
    if (inCluster) span.classList.add("in-cluster");
    return span;
  }
  // Text inside a finding: whitespace made visible, the rest as is.
  function fillText(node, s) {
    node.textContent = "";
    var parts = s.split(/([\s\u3000]+)/);
    parts.forEach(function (p, k) {
      if (!p) return;
      if (k % 2) node.appendChild(el("span", "ws", visible(p)));
      else node.appendChild(document.createTextNode(p));
    });
  }
  function renderDoc() {
    var pos = 0, k = 0;
    var frag = document.createDocumentFragment();
    while (k < order.length) {
      // A cluster: findings that overlap (or start at the same place) render together.
      var first = F[order[k]];
      var members = [order[k]];
      var end = first.e;
      k++;
      while (k < order.length && (F[order[k]].s < end || F[order[k]].s === first.s)) {
        members.push(order[k]);
        end = Math.max(end, F[order[k]].e);
        k++;
      }
      frag.appendChild(plain(src.slice(pos, first.s)));
      if (members.length === 1) {
        frag.appendChild(findingEl(members[0], false));
      } else {
        var cl = el("span", "cluster");
        cl.appendChild(plain(src.slice(first.s, end)));
        members.forEach(function (i) { cl.appendChild(findingEl(i, true)); });
        frag.appendChild(cl);
      }
      pos = Math.max(pos, end);
    }
    frag.appendChild(plain(src.slice(pos)));
    docEl.appendChild(frag);
  }

  function stateOf(i) { return choices[i] >= 0 ? "acc" : choices[i] === REJECTED ? "rej" : "und"; }
  function paint(i) {
    var f = F[i], span = els[i];
    span.classList.remove("st-acc", "st-rej", "st-und");
    span.classList.add("st-" + stateOf(i));
    span.setAttribute("data-state", stateOf(i));
    span.setAttribute("data-choice", String(choices[i]));
    var shown = f.replacements.length ? f.replacements[Math.max(choices[i], 0)] : "";
    var ins = span.lastChild;
    fillText(ins, shown);
    if (f.replacements.length && shown === "") ins.appendChild(el("span", "ws", "⌫"));
  }
  function paintAll(changed) {
    (changed || order).forEach(paint);
    var n = { acc: 0, rej: 0, und: 0 };
    F.forEach(function (f, i) { n[stateOf(i)]++; });
    states.textContent = "accepted " + n.acc + " · rejected " + n.rej + " · undecided " + n.und;
    renderPanel();
  }

  // ---- decisions ----
  function decide(i, c) {
    var f = F[i];
    if (c >= 0 && c >= f.replacements.length) return;
    var changed = [i];
    choices[i] = c;
    if (c >= 0) {
      // Two overlapping edits cannot both apply: accepting one rejects the other.
      F.forEach(function (g, j) {
        if (j !== i && choices[j] >= 0 && conflicts(f, g)) { choices[j] = REJECTED; changed.push(j); }
      });
    }
    store();
    paintAll(changed);
  }
  // Accept every safe finding that clashes with nothing accepted, in text order. Accepted
  // findings never overlap each other, so sorted by start their ends are sorted too: the one
  // before (largest end so far) and the next one after are the only possible clashes.
  function acceptAllSafe() {
    var nextAcc = new Array(order.length);
    var next = -1;
    for (var k = order.length - 1; k >= 0; k--) {
      nextAcc[k] = next;
      if (choices[order[k]] >= 0) next = order[k];
    }
    var maxEnd = -1, lastStart = -1;
    order.forEach(function (i, k) {
      var f = F[i];
      if (choices[i] < 0 && f.safe && f.replacements.length) {
        var after = nextAcc[k] >= 0 ? F[nextAcc[k]] : null;
        var clashBefore = maxEnd >= 0 && (f.s < maxEnd || f.s === lastStart);
        var clashAfter = after !== null && (after.s < f.e || after.s === f.s);
        if (!clashBefore && !clashAfter) choices[i] = 0;
      }
      if (choices[i] >= 0) {
        maxEnd = Math.max(maxEnd, f.e);
        lastStart = f.s;
      }
    });
    store();
    paintAll();
  }
  function rejectAll() {
    choices = choices.map(function () { return REJECTED; });
    store();
    paintAll();
  }
  function resetAll() {
    choices = F.map(function (f) { return f.initial; });
    try { window.localStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
    paintAll();
  }

  // ---- selection and the detail panel ----
  function select(pos, scroll) {
    if (!order.length) return;
    if (current >= 0) els[order[current]].classList.remove("sel");
    current = (pos + order.length) % order.length;
    var span = els[order[current]];
    span.classList.add("sel");
    if (scroll && span.scrollIntoView) span.scrollIntoView({ block: "center" });
    renderPanel();
  }
  function renderPanel() {
    panel.textContent = "";
    if (current < 0) {
      add(panel, el("h2", "", "Findings"),
        el("p", "empty", order.length ? "Click a highlighted place or press j to start." : "Nothing found."));
      add(panel, legend());
      return;
    }
    var i = order[current], f = F[i];
    var h = el("h2");
    add(h, el("span", "code", f.code), " ", f.name);
    add(panel, h);
    add(panel, row("", f.message));
    add(panel, row("kind ", f.kind + (f.safe ? " · safe fix" : " · suggestion")));
    add(panel, row("where ", "line " + f.line + ", column " + f.col + " (" + (current + 1) + " of " + order.length + ")"));
    add(panel, row("confidence ", f.confidence.toFixed(2)));
    var orig = el("div", "row");
    add(orig, el("span", "label", "original "));
    var o = el("span");
    fillText(o, f.original || "(insertion point)");
    orig.appendChild(o);
    add(panel, orig);
    if (f.replacements.length) {
      add(panel, el("div", "label", f.replacements.length > 1 ? "replace with (pick one):" : "replace with:"));
      var alts = el("div", "alts");
      f.replacements.forEach(function (r, k) {
        var b = button("", function () { decide(i, k); });
        fillText(b, r);
        if (r === "") b.textContent = "(delete)";
        if (f.replacements.length > 1) b.insertBefore(el("kbd", "", String(k + 1)), b.firstChild);
        if (choices[i] === k) b.classList.add("picked");
        b.setAttribute("data-alt", String(k));
        alts.appendChild(b);
      });
      add(panel, alts);
    }
    var actions = el("div", "actions");
    var acc = button("Accept (a)", function () { decide(i, Math.max(choices[i], 0)); });
    acc.id = "panel-accept";
    acc.disabled = !f.replacements.length;
    add(actions, acc, button("Reject (r)", function () { decide(i, REJECTED); }),
      button("Undecide (u)", function () { decide(i, UNDECIDED); }),
      button("◀ prev", function () { select(current - 1, true); }),
      button("next ▶", function () { select(current + 1, true); }));
    add(panel, actions);
    add(panel, row("now ", { acc: "accepted", rej: "rejected", und: "undecided (not applied)" }[stateOf(i)]));
    var rule = data.rules[f.code];
    if (rule) {
      var det = el("details");
      add(det, el("summary", "", "About " + f.code), rule.doc);
      add(panel, det);
    }
  }
  function row(label, text) {
    var r = el("div", "row");
    if (label) r.appendChild(el("span", "label", label));
    r.appendChild(document.createTextNode(text));
    return r;
  }
  function legend() {
    var lg = el("div", "legend");
    data.kinds.forEach(function (k) {
      var s = el("span", "f st-acc k-" + k);
      add(s, el("ins", "", k));
      lg.appendChild(s);
    });
    var s = el("span", "f st-und suggestion k-confusable");
    add(s, el("ins", "", "suggestion"));
    lg.appendChild(s);
    return lg;
  }

  // ---- output ----
  function outputName() {
    var name = data.name === "<stdin>" ? "text.txt" : data.name;
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) + ".proofread" + name.slice(dot) : name + ".proofread.txt";
  }
  function download() {
    var text = (data.utf8Bom ? "\ufeff" : "") + resultText();
    // `endings: "transparent"` (the default, spelled out): CRLF stays CRLF.
    var blob = new Blob([text], { type: "text/plain;charset=utf-8", endings: "transparent" });
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = outputName();
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    say("Downloaded " + a.download + ".", "ok");
  }
  function save() {
    if (saved) return;
    var token = new URLSearchParams(window.location.search).get("token") || "";
    saveBtn.disabled = true;
    say("Saving…", "");
    fetch("/save", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Proofread-Token": token },
      body: JSON.stringify({ hash: data.hash, choices: choices, text: resultText() }),
      credentials: "omit",
      cache: "no-store"
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (body) {
        if (!resp.ok) throw new Error(body.error || "HTTP " + resp.status);
        saved = true;
        say("Saved " + body.changes + " change(s) to " + body.path + ". The review server has stopped; you can close this tab.", "ok");
      });
    }).catch(function (err) {
      saveBtn.disabled = false;
      say("Not saved: " + err.message, "err");
    });
  }

  // ---- keyboard ----
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    var k = ev.key;
    if (k === "j" || k === "n") select(current + 1, true);
    else if (k === "k" || k === "p") select(current < 0 ? -1 : current - 1, true);
    else if (current >= 0 && k === "a") decide(order[current], Math.max(choices[order[current]], 0));
    else if (current >= 0 && k === "r") decide(order[current], REJECTED);
    else if (current >= 0 && k === "u") decide(order[current], UNDECIDED);
    else if (current >= 0 && /^[1-9]$/.test(k)) decide(order[current], Number(k) - 1);
    else return;
    ev.preventDefault();
  });

  load();
  renderDoc();
  paintAll();
  document.documentElement.setAttribute("data-ready", "1");
})();
