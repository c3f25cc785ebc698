/* wagtail-vertrouwen route-finder: progressive enhancement.
   Without this script the chooser is a normal GET form and the server shows the route.
   With it, the route appears as soon as both choices are made, without a page load. */
(function () {
  "use strict";

  function checked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  /* The links to this page in other languages (a[hreflang], as a language switch has them)
     keep the choice, as the server writes them when the page was loaded with one. */
  function keepChoiceInLanguageLinks(choice) {
    if (!window.URL) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("a[hreflang]"), function (link) {
      var url;
      try { url = new URL(link.href, window.location.href); } catch (error) { return; }
      if (url.origin !== window.location.origin) { return; }
      Object.keys(choice).forEach(function (name) { url.searchParams.set(name, choice[name]); });
      url.hash = "routewijzer-result";
      link.href = url.toString();
    });
  }

  function enhance(root) {
    var form = root.querySelector("form.vw-chooser");
    if (!form) { return; }
    var audienceParam = form.getAttribute("data-audience-param");
    var areaParam = form.getAttribute("data-area-param");
    var routes = root.querySelectorAll(".vw-route");
    var prompt = root.querySelector("[data-vw-prompt]");
    var status = root.querySelector("[data-vw-status]");
    var notice = form.querySelector(".vw-notice");

    function update(moveFocus) {
      var audience = checked(form, audienceParam);
      var area = checked(form, areaParam);
      var shown = null;
      Array.prototype.forEach.call(routes, function (route) {
        var match = route.getAttribute("data-audience") === audience &&
          route.getAttribute("data-area") === area;
        route.hidden = !match;
        if (match) { shown = route; }
      });
      if (prompt) { prompt.hidden = Boolean(shown); }
      if (notice) { notice.hidden = true; }
      if (!shown) { return; }
      var heading = shown.querySelector(".vw-route__heading");
      if (status && heading) { status.textContent = heading.textContent; }
      var choice = {};
      choice[audienceParam] = audience;
      choice[areaParam] = area;
      keepChoiceInLanguageLinks(choice);
      if (window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        params.set(audienceParam, audience);
        params.set(areaParam, area);
        window.history.replaceState(null, "", "?" + params.toString() + "#routewijzer-result");
      }
      if (moveFocus && heading) { heading.focus(); }
    }

    form.addEventListener("change", function () { update(false); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-vw-routewijzer]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
