"""The script and style that make `report.html` a workspace: correct pairs, settle flags, save decisions.

The page stays one self-contained file that works from `file://` without network. The script reads the
server-rendered rows (segment ids, flags) into a model, re-renders the table from it after each change, keeps
work in progress in localStorage under the report's content key, and saves `decisions.json`, the contract
`align report --decisions` applies.
"""

CSS = """
.tools{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ccc;padding:.5em 0;display:flex;
flex-wrap:wrap;gap:.4em;align-items:center}
.tools button,.tools select,.tools input{font:inherit;padding:.2em .5em}
.tools .progress{margin-left:auto;font-weight:600}
tr.selected td{outline:2px solid #1a5fb4;outline-offset:-2px}
tr[data-state=confirmed] td.n::after{content:" ✓";color:#1b7a3a}
tr[data-state=corrected] td.n::after{content:" ✎";color:#1a5fb4}
.flags li[data-state=dismissed]{text-decoration:line-through;opacity:.6}
.flags li[data-state=accepted]{font-weight:600}
.flags li .sev{font-weight:700;margin-right:.3em}
.corrected-note{font-size:.85em;color:#1a5fb4}
.hidden{display:none}
@media (max-width:700px){table,thead,tbody,tr,td,th{display:block}th{position:static}}
"""

SCRIPT = r"""
(function () {
  "use strict";
  if (window.performance && performance.mark) performance.mark("align-start");
  var body = document.body, table = document.querySelector("table.pairs"), tbody = table.tBodies[0];
  var key = "align-review:" + body.dataset.key;
  var segHtml = {}, original = {}, pairs = [], selected = 0, restored = false;
  function ids(text) { return text ? text.split(" ") : []; }
  function sig(p) { return p.s.join(" ") + "|" + p.t.join(" "); }
  Array.prototype.forEach.call(tbody.rows, function (row) {
    row.querySelectorAll(".seg").forEach(function (seg) { segHtml[seg.dataset.id] = seg.outerHTML; });
    var flags = [];
    row.querySelectorAll(".flags li").forEach(function (li) {
      flags.push({type: li.dataset.type, severity: li.dataset.severity, html: li.innerHTML,
                  state: "open", reason: ""});
    });
    var p = {s: ids(row.dataset.s), t: ids(row.dataset.t), score: row.querySelector("td.score").innerHTML,
             state: "unreviewed", flags: flags};
    original[sig(p)] = p;
    pairs.push(p);
  });
  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved && saved.pairs) {
      pairs = saved.pairs; restored = true; document.getElementById("restored").classList.remove("hidden");
    }
  } catch (e) { /* private mode, or storage full: work without it */ }

  function store() {
    try { localStorage.setItem(key, JSON.stringify({pairs: pairs})); } catch (e) { /* ignore */ }
  }
  function severity(p) {
    var order = {"": 0, info: 1, warning: 2, error: 3}, worst = "";
    p.flags.forEach(function (f) { if (f.state !== "dismissed" && order[f.severity] > order[worst]) worst = f.severity; });
    return worst;
  }
  function buildRow(p, k) {
    var row = document.createElement("tr");
    row.className = (severity(p) || "clean") + (k === selected ? " selected" : "");
    row.dataset.k = k; row.dataset.s = p.s.join(" "); row.dataset.t = p.t.join(" "); row.dataset.state = p.state;
    var n = document.createElement("td"); n.className = "n"; n.textContent = k; row.appendChild(n);
    [["s", body.dataset.sourceLang], ["t", body.dataset.targetLang]].forEach(function (side, i) {
      var cell = document.createElement("td"); cell.lang = side[1];
      cell.innerHTML = p[side[0]].map(function (id) { return segHtml[id] || ""; }).join("");
      if (i === 1) {
        if (p.flags.length) {
          var list = document.createElement("ul"); list.className = "flags";
          p.flags.forEach(function (f) {
            var li = document.createElement("li"); li.className = f.severity; li.innerHTML = f.html;
            li.dataset.type = f.type; li.dataset.state = f.state;
            if (f.state !== "open") {
              var note = document.createElement("span"); note.className = "corrected-note";
              note.textContent = " (" + f.state + (f.reason ? ": " + f.reason : "") + ")"; li.appendChild(note);
            }
            list.appendChild(li);
          });
          cell.appendChild(list);
        }
        if (p.state === "corrected") {
          var c = document.createElement("div"); c.className = "corrected-note";
          c.textContent = "corrected: run align report --decisions to check it again"; cell.appendChild(c);
        }
      }
      row.appendChild(cell);
    });
    var score = document.createElement("td"); score.className = "score"; score.innerHTML = p.score; row.appendChild(score);
    row.classList.toggle("hidden", !shown(p));
    return row;
  }
  function shown(p) {
    var sev = document.getElementById("filter-severity").value, type = document.getElementById("filter-type").value,
        state = document.getElementById("filter-state").value;
    return (!sev || severity(p) === sev) && (!type || p.flags.some(function (f) { return f.type === type; })) &&
           (!state || p.state === state);
  }
  function render() {   // the whole table: after a restore only
    var fragment = document.createDocumentFragment();
    pairs.forEach(function (p, k) { fragment.appendChild(buildRow(p, k)); });
    tbody.replaceChildren(fragment);
    progress();
  }
  function replaceRows(start, removed, count) {   // only the rows a change touched; the others are renumbered
    var rowsNow = tbody.rows, anchor = rowsNow[start + removed] || null;
    for (var r = 0; r < removed; r++) tbody.removeChild(rowsNow[start]);
    for (var k = start; k < start + count; k++) tbody.insertBefore(buildRow(pairs[k], k), anchor);
    for (var m = start + count; m < pairs.length; m++) {
      var row = tbody.rows[m]; if (row.dataset.k === String(m)) break;
      row.dataset.k = m; row.cells[0].textContent = m;
    }
    progress();
  }
  function applyFilters() {
    Array.prototype.forEach.call(tbody.rows, function (row, k) { row.classList.toggle("hidden", !shown(pairs[k])); });
  }
  function progress() {
    var done = pairs.filter(function (p) {
      return p.state !== "unreviewed" || (p.flags.length && p.flags.every(function (f) { return f.state !== "open"; }));
    }).length;
    document.getElementById("progress").textContent = done + " of " + pairs.length + " pairs reviewed";
  }
  function select(k, quiet) {
    var old = tbody.rows[selected]; if (old) old.classList.remove("selected");
    selected = Math.max(0, Math.min(k, pairs.length - 1));
    var row = tbody.rows[selected];
    if (row) { row.classList.add("selected"); if (!quiet) row.scrollIntoView({block: "nearest"}); }
  }
  function change(fn) {
    var touched = fn(); if (!touched) return;
    store(); replaceRows(touched[0], touched[1], touched[2]); select(selected);
  }
  function fresh(s, t) {   // a pair the reviser made: its flags are known again only after a new review
    var known = original[s.join(" ") + "|" + t.join(" ")];
    return {s: s, t: t, score: known ? known.score : "–", state: "corrected",
            flags: known ? JSON.parse(JSON.stringify(known.flags)) : []};
  }
  var actions = {
    // each returns [first index touched, rows removed, rows added], or nothing when it does not apply
    confirm: function () {
      var p = pairs[selected]; if (!p || p.state !== "unreviewed") return; p.state = "confirmed"; return [selected, 1, 1];
    },
    merge: function () {
      var p = pairs[selected], q = pairs[selected + 1]; if (!p || !q) return;
      pairs.splice(selected, 2, fresh(p.s.concat(q.s), p.t.concat(q.t))); return [selected, 2, 1];
    },
    split: function () {
      var p = pairs[selected]; if (!p || (p.s.length < 2 && p.t.length < 2)) return;
      pairs.splice(selected, 1, fresh(p.s.slice(0, 1), p.t.slice(0, 1)), fresh(p.s.slice(1), p.t.slice(1)));
      return [selected, 1, 2];
    },
    unpair: function () {
      var p = pairs[selected]; if (!p || !p.s.length || !p.t.length) return;
      pairs.splice(selected, 1, fresh(p.s, []), fresh([], p.t)); return [selected, 1, 2];
    },
    up: function () {   // the first target sentence of this pair belongs to the pair above
      var p = pairs[selected], q = pairs[selected - 1]; if (!p || !q || !p.t.length) return;
      var moved = p.t[0], above = fresh(q.s, q.t.concat([moved])), here = fresh(p.s, p.t.slice(1));
      var start = selected - 1;
      if (here.s.length || here.t.length) { pairs.splice(start, 2, above, here); return [start, 2, 2]; }
      pairs.splice(start, 2, above); selected = start; return [start, 2, 1];
    },
    down: function () {   // the last target sentence of this pair belongs to the pair below
      var p = pairs[selected], q = pairs[selected + 1]; if (!p || !q || !p.t.length) return;
      var moved = p.t[p.t.length - 1], here = fresh(p.s, p.t.slice(0, -1)), below = fresh(q.s, [moved].concat(q.t));
      if (here.s.length || here.t.length) { pairs.splice(selected, 2, here, below); return [selected, 2, 2]; }
      pairs.splice(selected, 2, below); return [selected, 2, 1];
    },
    accept: function () { return settle("accepted"); },
    dismiss: function () { return settle("dismissed"); }
  };
  function settle(state) {
    var p = pairs[selected]; if (!p) return;
    var f = p.flags.filter(function (g) { return g.state === "open"; })[0]; if (!f) return;
    f.state = state; f.reason = document.getElementById("reason").value; document.getElementById("reason").value = "";
    return [selected, 1, 1];
  }
  function decisions() {
    var out = {schema_version: 1, source_sha256: body.dataset.sourceSha256, target_sha256: body.dataset.targetSha256,
               pairs: [], flags: []};
    pairs.forEach(function (p) {
      if (p.state !== "unreviewed") out.pairs.push({source_ids: p.s, target_ids: p.t, state: p.state});
      p.flags.forEach(function (f) {
        if (f.state !== "open") out.flags.push({source_ids: p.s, target_ids: p.t, type: f.type, state: f.state,
                                                reason: f.reason});
      });
    });
    return out;
  }
  function save() {
    var blob = new Blob([JSON.stringify(decisions(), null, 1) + "\n"], {type: "application/json"});
    var link = document.createElement("a"); link.href = URL.createObjectURL(blob); link.download = "decisions.json";
    document.body.appendChild(link); link.click(); link.remove();
  }
  function step(direction) {   // the next shown row, flagged or not (arrow keys)
    for (var k = selected + direction; k >= 0 && k < pairs.length; k += direction) {
      if (!tbody.rows[k].classList.contains("hidden")) { select(k); return; }
    }
  }
  function next(step) {
    for (var k = selected + step; k >= 0 && k < pairs.length; k += step) {
      if (pairs[k].flags.some(function (f) { return f.state === "open"; }) && !tbody.rows[k].classList.contains("hidden")) {
        select(k); return;
      }
    }
  }
  document.querySelectorAll("[data-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.dataset.action;
      if (name === "save") save(); else if (name === "discard") { localStorage.removeItem(key); location.reload(); }
      else change(actions[name]);
    });
  });
  ["filter-severity", "filter-type", "filter-state"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", applyFilters);
  });
  tbody.addEventListener("click", function (event) {
    var row = event.target.closest("tr"); if (!row) return; select(Number(row.dataset.k));
  });
  document.addEventListener("keydown", function (event) {
    if (event.target.matches("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    var keys = {j: function () { next(1); }, k: function () { next(-1); },
                ArrowDown: function () { step(1); }, ArrowUp: function () { step(-1); }, Enter: function () { change(actions.confirm); },
                x: function () { change(actions.dismiss); }, a: function () { change(actions.accept); },
                m: function () { change(actions.merge); }, s: function () { change(actions.split); },
                u: function () { change(actions.unpair); }, "[": function () { change(actions.up); },
                "]": function () { change(actions.down); }};
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });
  window.alignWorkspace = {decisions: decisions, pairs: function () { return pairs; }};
  if (restored) render(); else progress();   // the server's rows are the page: no second rendering
  select(0, true);                           // scrolling now would lay out the whole table before it is shown
  if (window.performance && performance.mark) performance.mark("align-ready");
})();
"""
