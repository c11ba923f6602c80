(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("spinscope-findings").textContent);
  var tip = document.getElementById("tip");
  var marks = document.querySelectorAll("mark[data-f]");
  for (var i = 0; i < marks.length; i++) { marks[i].removeAttribute("title"); }
  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }
  function show(el) {
    tip.textContent = "";
    el.getAttribute("data-f").split(" ").forEach(function (id) {
      var f = data[id];
      if (!f) { return; }
      var item = add(tip, "div", "tip-item", "");
      add(item, "strong", "", f.label);
      var score = f.score === null ? "" : " \u00b7 score " + f.score.toFixed(2);
      add(item, "span", "tip-meta", " " + f.group + score + " \u00b7 #" + id);
      if (f.details) { add(item, "p", "tip-meta", f.details); }
      if (f.definition) { add(item, "p", "", f.definition); }
    });
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.min(r.left, width - tip.offsetWidth - 8);
    tip.style.left = (window.scrollX + Math.max(8, left)) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { tip.hidden = true; }
  function target(ev) {
    var el = ev.target;
    return el && el.closest ? el.closest("mark[data-f]") : null;
  }
  var text = document.getElementById("text");
  text.addEventListener("mouseover", function (ev) { var m = target(ev); if (m) { show(m); } });
  text.addEventListener("mouseout", function (ev) { if (target(ev)) { hide(); } });
  text.addEventListener("focusin", function (ev) { var m = target(ev); if (m) { show(m); } });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
})();
