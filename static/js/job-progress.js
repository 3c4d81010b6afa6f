// Follows a background job without reloading the page: asks for its progress every three
// seconds and moves the bar; once it has finished or failed, loads the page once to show the
// result or the reason. Without JavaScript the page refreshes itself (and has a Refresh link).
(function () {
  const box = document.getElementById("job-progress");
  if (!box || box.dataset.live !== "yes") return;
  const bar = document.getElementById("job-bar");
  const status = document.getElementById("job-status");
  const step = document.getElementById("job-step");
  const steps = document.getElementById("job-steps");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) return;
        if (!job.live) { window.location.reload(); return; }
        status.textContent = job.status_words;
        step.textContent = job.step ? ": " + job.step : "";
        steps.textContent = "step " + Math.min(job.steps_done + 1, job.steps_total) + " of " + job.steps_total;
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
      })
      .finally(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 3000);
})();
