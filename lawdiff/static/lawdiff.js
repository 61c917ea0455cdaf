/* lawdiff: the reader's tools. Plain script, no network: the search index is a script file
   of the site (static/soeg.js), loaded on first use, so everything works opened from disk. */
(function () {
  "use strict";

  function norm(s) {
    return s.toLowerCase().replace(/[\u00a0\u2009]/g, " ").replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
  }

  /* ---- search across every act and proposal ---- */
  var form = document.querySelector("form.soeg");
  if (form) {
    var input = form.querySelector("input"), list = form.querySelector("ol");
    var root = form.getAttribute("data-root"), loading = false, pending = null;
    var load = function () {
      if (window.LAWDIFF_SOEG || loading) return;
      loading = true;
      var s = document.createElement("script");
      s.src = form.getAttribute("data-index");
      s.onload = function () {
        window.LAWDIFF_SOEG.forEach(function (e) { e.n = norm(e.t + " " + e.x); });
        if (pending !== null) run(pending);
      };
      document.head.appendChild(s);
    };
    var snippet = function (e, word) {
      var text = e.x.replace(/\s+/g, " "), i = norm(text).indexOf(word);
      if (i < 0) return text.slice(0, 140);
      var a = Math.max(0, i - 60);
      return (a ? "… " : "") + text.slice(a, i + 100) + (i + 100 < text.length ? " …" : "");
    };
    var run = function (q) {
      list.textContent = "";
      var words = norm(q).split(" ").filter(function (w) { return w.length > 1; });
      if (!words.length) return;
      if (!window.LAWDIFF_SOEG) { pending = q; load(); return; }
      var hits = [];
      window.LAWDIFF_SOEG.forEach(function (e) {
        if (words.every(function (w) { return e.n.indexOf(w) >= 0; })) {
          var inTitle = words.every(function (w) { return norm(e.t).indexOf(w) >= 0; });
          hits.push([inTitle ? 0 : 1, e]);
        }
      });
      hits.sort(function (a, b) { return a[0] - b[0]; });
      var head = document.createElement("li");
      head.className = "antal";
      head.textContent = hits.length ? hits.length + (hits.length === 1 ? " resultat" : " resultater") +
        (hits.length > 30 ? ", de første 30 vises" : "") : "Ingen resultater for »" + q + "«";
      list.appendChild(head);
      hits.slice(0, 30).forEach(function (h) {
        var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("span");
        a.href = root + h[1].u;
        a.textContent = h[1].t;
        p.className = "uddrag";
        p.textContent = snippet(h[1], words[0]);
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
    };
    var timer = null;
    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { input.value = ""; list.textContent = ""; }
      if (ev.key === "Enter") { clearTimeout(timer); run(input.value); }
    });
  }

  /* ---- "Gå til §": Danish addresses such as "68 a, stk. 3", "§ 30 a, stk. 3, nr. 2", "kapitel 12 a" ---- */
  var go = document.querySelector("form.gaa-til");
  if (go) {
    var field = go.querySelector("input"), answer = go.querySelector(".gaa-til-svar");
    var letters = function (s) { return s.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa"); };
    var RX = /^(?:§+\s*)?(\d+)(?:\s*([a-zæøå]))?\s*(?:,?\s*stk\.?\s*(\d+))?\s*(?:,?\s*nr\.?\s*(\d+))?\s*(?:,?\s*litra\s*([a-zæøå]))?\s*(?:,?\s*(\d+)\s*\.?\s*pkt\.?)?$/;
    var CH = /^(kapitel|kap\.?|afsnit)\s*([0-9ivxlc]+)(?:\s*([a-zæøå]))?$/;
    var find = function (q) {
      q = norm(q).replace(/\s*,\s*/g, ", ");
      var m = CH.exec(q);
      if (m) {
        var kind = m[1].indexOf("kap") === 0 ? "chp_" : "part_";
        var tail = kind + letters(m[2] + (m[3] || ""));
        var el = Array.prototype.find.call(document.querySelectorAll("section[id]"), function (s) {
          return s.id === tail || s.id.slice(-tail.length - 2) === "__" + tail;
        });
        return el ? {el: el, exact: true} : null;
      }
      m = RX.exec(q);
      if (!m) return undefined;
      var ids = ["sec_" + m[1] + letters(m[2] || "")];
      if (m[3] || m[4] || m[5]) ids.push(ids[0] + "__subsec_" + (m[3] || "1"));
      if (m[4]) ids.push(ids[1] + "__para_" + m[4]);
      if (m[5]) ids.push(ids[ids.length - 1] + "__point_" + letters(m[5]));
      for (var i = ids.length - 1; i >= 0; i--) {
        var hit = document.getElementById(ids[i]);
        if (hit) return {el: hit, exact: i === ids.length - 1};
      }
      return null;
    };
    go.addEventListener("submit", function () {
      var q = field.value, r = find(q);
      if (r === undefined) { answer.textContent = "Skriv fx »68 a, stk. 3« eller »kapitel 12 a«."; return; }
      if (r === null) { answer.textContent = "»" + q + "« findes ikke i denne lov."; return; }
      answer.textContent = r.exact ? "" : "»" + q + "« findes ikke; viser det nærmeste, der findes.";
      location.hash = r.el.id;
      r.el.setAttribute("tabindex", "-1");
      r.el.focus({preventScroll: true});
    });
  }
})();
