/*
 * Suggestions as you type in the search boxes (any input with data-suggest="<endpoint>").
 *
 * accessible-autocomplete (GOV.UK) replaces the box with a combobox of the same id, name,
 * label, value and maximum length, so the form still sends q as before. After two letters it
 * asks the endpoint for matching titles; choosing one (Enter on a highlighted suggestion, or
 * a click) opens that page. Enter in the box itself, with no suggestion chosen, still submits
 * the form: a plain search. Without JavaScript, or if anything here is missing, the page keeps
 * its ordinary search box.
 */
(function () {
  "use strict";
  var accessibleAutocomplete = window.accessibleAutocomplete;
  if (!accessibleAutocomplete || !window.fetch || !window.AbortController) return;

  var DELAY = 150; // milliseconds of quiet before asking, so fast typing sends one request
  var TYPES = {
    "case-study": "Case study",
    recommendation: "Recommendation",
    definition: "Definition",
  };
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (character) {
      return ENTITIES[character];
    });
  }

  function titleOf(option) {
    if (option && typeof option === "object") return option.title;
    return option ? String(option) : "";
  }

  // Each suggestion is inserted as HTML, so every word from the server is escaped.
  function suggestionHtml(option) {
    if (!option || typeof option !== "object") return escapeHtml(titleOf(option));
    var type = TYPES[option.type];
    if (!type) return '<span class="suggest__title">' + escapeHtml(option.title) + "</span>";
    // Heard as "Title, Case study"; seen as the title with its type on the line below.
    return (
      '<span class="suggest__title">' +
      escapeHtml(option.title) +
      '<span class="govuk-visually-hidden">,</span></span> <span class="suggest__type">' +
      escapeHtml(type) +
      "</span>"
    );
  }

  function statusResults(length, selected) {
    var words = length === 1 ? " suggestion is available. " : " suggestions are available. ";
    return length + words + (selected || "");
  }

  function submit(form) {
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function enhance(original) {
    var endpoint = original.getAttribute("data-suggest");
    var form = original.form;
    var id = original.id;
    var value = original.value;
    var maxLength = original.getAttribute("maxlength");
    var spellcheck = original.getAttribute("spellcheck");
    var container = document.createElement("div");
    container.className = "suggest";
    original.parentNode.replaceChild(container, original);

    var input = null;
    var timer = null;
    var request = null;
    var latest = 0;

    function source(query, populate) {
      clearTimeout(timer);
      if (request) request.abort();
      request = null;
      var ticket = ++latest;
      // Suggest only to someone typing in the box (not for the words it starts with).
      if (!input || !container.contains(document.activeElement)) {
        populate([]);
        return;
      }
      timer = setTimeout(function () {
        var controller = new AbortController();
        request = controller;
        fetch(endpoint + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller.signal,
        })
          .then(function (response) {
            if (!response.ok) throw new Error("suggestions unavailable");
            return response.json();
          })
          .then(function (data) {
            // An answer to an older question, or to words no longer in the box, is ignored.
            if (ticket !== latest || input.value !== query) return;
            var found = (data && data.suggestions) || [];
            populate(
              found.filter(function (option) {
                return option && option.title && option.url;
              }),
            );
          })
          .catch(function () {
            // No suggestions, quietly: the search itself still works.
            if (ticket === latest) populate([]);
          });
      }, DELAY);
    }

    accessibleAutocomplete({
      element: container,
      id: id,
      name: original.name,
      // The box starts empty and is given its words below: a non-empty defaultValue would be
      // offered back as the only "suggestion" whenever the box gains focus.
      defaultValue: "",
      source: source,
      onConfirm: function (option) {
        if (option && typeof option === "object" && option.url) {
          window.location.assign(option.url);
        }
      },
      minLength: 2,
      showNoOptionsFound: false,
      confirmOnBlur: false,
      displayMenu: "overlay",
      inputClasses: "govuk-input",
      templates: { inputValue: titleOf, suggestion: suggestionHtml },
      tStatusResults: statusResults,
    });

    input = container.querySelector("input.autocomplete__input");
    if (!input) return;
    if (maxLength) input.setAttribute("maxlength", maxLength);
    if (spellcheck) input.setAttribute("spellcheck", spellcheck);
    if (value) {
      input.value = value;
      input.dispatchEvent(new Event("input"));
    }

    // With the list open the component keeps Enter to itself, even when no suggestion is
    // highlighted; then the words as typed are searched for, as without suggestions.
    container.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target !== input || !event.defaultPrevented) return;
      clearTimeout(timer);
      latest++;
      submit(form);
    });
    // A plain search (by the button too) leaves no late suggestions behind.
    if (form) {
      form.addEventListener("submit", function () {
        clearTimeout(timer);
        if (request) request.abort();
        latest++;
      });
    }
  }

  document.querySelectorAll("input[data-suggest]").forEach(enhance);
})();
