/*
 * The library's filters, applied as they change. Without JavaScript the same form submits
 * and the page reloads; with it, the results and counts are swapped in place, the address
 * bar keeps the shareable URL and Back goes to the previous set of filters. Focus stays on
 * the control in use, and the new number of results is announced to screen readers.
 */
(function () {
  "use strict";
  var form = document.getElementById("library-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.history.pushState) return;
  var status = document.getElementById("library-status");
  var pending = null;

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name === "q" && !value.trim()) return;
      if (name === "sort" && value === "relevance") return;
      params.append(name, value);
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function swap(fresh) {
    // Checkboxes and the sort stay in place (focus is kept); only their state and counts move.
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var other = fresh.getElementById(box.id);
      if (!other) return;
      box.checked = other.checked;
      var label = form.querySelector('label[for="' + box.id + '"] .facet__count');
      var newLabel = fresh.querySelector('label[for="' + box.id + '"] .facet__count');
      if (label && newLabel) label.textContent = newLabel.textContent;
    });
    var sort = fresh.getElementById("library-sort");
    if (sort) document.getElementById("library-sort").value = sort.value;
    ["library-results", "library-notices"].forEach(function (id) {
      var mine = document.getElementById(id);
      var theirs = fresh.getElementById(id);
      if (mine && theirs) mine.innerHTML = theirs.innerHTML;
    });
    // The feed named in the head follows the filter too.
    var feed = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    var freshFeed = fresh.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    if (feed && freshFeed) feed.setAttribute("href", freshFeed.getAttribute("href"));
  }

  function load(url, options) {
    if (pending) pending.abort();
    pending = new AbortController();
    form.setAttribute("aria-busy", "true");
    return fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.text().then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html");
          if (!response.ok || !fresh.getElementById("library-results")) {
            window.location.assign(url); // let the server page explain what went wrong
            return;
          }
          swap(fresh);
          document.title = fresh.title;
          if (options.push) window.history.pushState({ library: true }, "", url);
          var count = document.querySelector("#library-results .library__count");
          if (status && count) status.textContent = count.textContent.trim();
          if (options.focusResults && count) count.focus();
        });
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.assign(url);
      })
      .finally(function () {
        form.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) load(formUrl(), { push: true });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(formUrl(), { push: true, focusResults: true });
  });
  // Chips ("remove this filter", "clear all") and pagination links stay on the page too.
  form.addEventListener("click", function (event) {
    var link = event.target.closest("#library-results a.chip, #library-results .govuk-pagination a");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    load(link.href, { push: true, focusResults: true });
  });
  window.addEventListener("popstate", function () {
    load(window.location.href, { push: false });
  });
  document.documentElement.classList.add("library-live");
})();
