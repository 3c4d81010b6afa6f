// Shows, as the user types a date, how the tracker will read it ("Read as end Mar 2010 ...").
// Without JavaScript the "Check dates without saving" button gives the same answer.
(function () {
  const form = document.querySelector("form[data-interpret-url]");
  if (!form) return;
  const url = form.dataset.interpretUrl;
  document.querySelectorAll("[data-reading-for]").forEach(function (hint) {
    const input = document.getElementById(hint.dataset.readingFor);
    if (!input) return;
    let timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(url + "&text=" + encodeURIComponent(input.value), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) { if (data) hint.textContent = data.reading; });
      }, 300);
    });
  });
})();
