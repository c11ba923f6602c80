// The web app's document page: highlights switched on and off per kind of finding, and
// an explanation panel filled when a highlight is chosen (click, Enter or Space).
// Text is set with textContent only, never as markup.
(function () {
  "use strict";
  var source = document.getElementById("spinscope-findings");
  var text = document.getElementById("text");
  var panel = document.getElementById("explain");
  if (!source || !text || !panel) { return; }
  var data = JSON.parse(source.textContent);
  var marks = text.querySelectorAll("mark[data-f]");

  function groupsOf(mark) {
    var groups = [];
    mark.getAttribute("data-f").split(" ").forEach(function (id) {
      var f = data[id];
      if (f && groups.indexOf(f.group) < 0) { groups.push(f.group); }
    });
    return groups;
  }

  function add(parent, tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = content;
    parent.appendChild(el);
    return el;
  }

  function explain(mark) {
    var hint = document.getElementById("explain-hint");
    if (hint) { hint.remove(); }
    var old = panel.querySelectorAll(".finding, blockquote");
    for (var i = 0; i < old.length; i++) { old[i].remove(); }
    add(panel, "blockquote", "", mark.textContent);
    mark.getAttribute("data-f").split(" ").forEach(function (id) {
      var f = data[id];
      if (!f) { return; }
      var item = add(panel, "div", "finding", "");
      add(item, "h3", "", f.label);
      var dl = add(item, "dl", "", "");
      function row(name, value) {
        if (value === null || value === undefined || value === "") { return; }
        add(dl, "dt", "", name);
        add(dl, "dd", "", value);
      }
      row("kind", f.group);
      row("probability", f.score === null ? "" : f.score.toFixed(2));
      row("definition", f.definition);
      row("evidence", f.details);
      var link = add(item, "a", "", "finding #" + id + " in the table");
      link.href = "#f" + id;
    });
    for (var j = 0; j < marks.length; j++) { marks[j].removeAttribute("aria-current"); }
    mark.setAttribute("aria-current", "true");
  }

  var hidden = {};
  function refresh() {
    for (var i = 0; i < marks.length; i++) {
      var mark = marks[i];
      var shown = mark.spinscopeGroups.some(function (g) { return !hidden[g]; });
      mark.classList.toggle("off", !shown);
      mark.tabIndex = shown ? 0 : -1;
    }
  }

  for (var i = 0; i < marks.length; i++) {
    marks[i].spinscopeGroups = groupsOf(marks[i]);
    marks[i].setAttribute("role", "button");
  }
  text.addEventListener("click", function (ev) {
    var mark = ev.target.closest ? ev.target.closest("mark[data-f]") : null;
    if (mark && !mark.classList.contains("off")) { explain(mark); }
  });
  text.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var mark = ev.target.closest ? ev.target.closest("mark[data-f]") : null;
    if (mark) { ev.preventDefault(); explain(mark); }
  });
  var toggles = document.querySelectorAll("#toggles input[data-group]");
  for (var k = 0; k < toggles.length; k++) {
    toggles[k].addEventListener("change", function (ev) {
      hidden[ev.target.getAttribute("data-group")] = !ev.target.checked;
      refresh();
    });
  }
})();
