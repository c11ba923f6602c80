// Starts Swagger UI on /docs (a served file: the page's CSP allows no inline script).
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.getAttribute("data-url"), dom_id: "#swagger-ui" });
})();
