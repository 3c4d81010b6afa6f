// A search box for long person pickers: a labelled text box above each <select> marked
// data-person-search (programmes/forms/people.py marks every picker of a programme's people)
// that narrows its options to the names matching what is typed. Without JavaScript the plain
// <select> works as before. The chosen people always stay in the list, so narrowing it never
// changes what the form sends.
(function () {
  "use strict";
  var MIN_OPTIONS = 8; // a shorter list is quicker to read than to search

  function plain(text) {
    return text.toLocaleLowerCase("en-GB").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function fieldName(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    var words = label ? label.textContent.replace(/\*/g, "").trim() : "";
    return words || "person";
  }

  function enhance(select, number) {
    var options = Array.prototype.slice.call(select.options);
    var people = options.filter(function (option) { return option.value !== ""; });
    if (people.length < MIN_OPTIONS || select.dataset.personSearchReady) return;
    select.dataset.personSearchReady = "yes";
    var id = (select.id || "person-picker-" + number) + "-search";

    var box = document.createElement("div");
    box.className = "person-search mb-2";
    var label = document.createElement("label");
    label.className = "form-label small mb-1";
    label.htmlFor = id;
    label.textContent = "Search the list for “" + fieldName(select) + "”";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "form-control form-control-sm";
    input.autocomplete = "off";
    input.spellcheck = false;
    if (select.id) input.setAttribute("aria-controls", select.id);
    input.setAttribute("aria-describedby", id + "-hint " + id + "-status");
    var hint = document.createElement("div");
    hint.id = id + "-hint";
    hint.className = "form-text mt-0";
    hint.textContent = "Type part of a name, job title or organisation: the list below keeps " +
      "only the matches. Enter chooses the only match.";
    var status = document.createElement("div");
    status.id = id + "-status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.append(label, input, hint, status);
    select.parentNode.insertBefore(box, select);

    // Shows the matching people (and the chosen ones, and the empty choice); returns the
    // matching people.
    function narrow() {
      var words = plain(input.value).split(/\s+/).filter(Boolean);
      var matching = people.filter(function (option) {
        var text = plain(option.textContent);
        return words.every(function (word) { return text.indexOf(word) !== -1; });
      });
      var shown = options.filter(function (option) {
        return option.value === "" || option.selected || matching.indexOf(option) !== -1;
      });
      select.replaceChildren.apply(select, shown);
      status.textContent = words.length
        ? matching.length + " of " + people.length + " people match."
        : "All " + people.length + " people shown.";
      return matching;
    }

    input.addEventListener("input", narrow);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        narrow();
        event.preventDefault();
      } else if (event.key === "Enter") {
        // Enter here would send the whole form; it chooses the only match instead.
        event.preventDefault();
        var matching = narrow();
        if (matching.length === 1) {
          matching[0].selected = true;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          status.textContent = "Chosen: " + matching[0].textContent.trim() + ".";
        } else {
          select.focus();
        }
      }
    });
  }

  document.querySelectorAll("select[data-person-search]").forEach(enhance);
})();
