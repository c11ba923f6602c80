// The dashboard: each figure's spec is JSON in a data element (no inline script, so the
// page's Content-Security-Policy needs no 'unsafe-inline'); plotly.js draws them.
(function () {
  "use strict";
  var source = document.getElementById("spinscope-plots");
  if (!source || !window.Plotly) { return; }
  var figures = JSON.parse(source.textContent);
  var config = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["sendDataToCloud"] };
  document.querySelectorAll("[data-figure]").forEach(function (el) {
    var figure = figures[el.getAttribute("data-figure")];
    if (figure) { window.Plotly.newPlot(el, figure.data, figure.layout, config); }
  });
}());
