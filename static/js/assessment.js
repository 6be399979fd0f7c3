// Yearly assessment pages. The "my year" form: live count of the criteria ticked, a saved / unsaved state,
// and a warning before leaving with unsaved changes. The review queue: "select all" for the batch approval.
// Everything works without JavaScript; this only adds feedback (the CSP allows no inline scripts).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("assessment-form");
  if (form) watchAssessmentForm(form);

  const selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", () => {
      for (const box of document.querySelectorAll(".js-select")) box.checked = selectAll.checked;
    });
  }
});

function watchAssessmentForm(form) {
  const count = document.getElementById("met-count");
  const saved = document.getElementById("state-saved");
  const unsaved = document.getElementById("state-unsaved");
  // A form sent back with errors holds entries that are not saved yet.
  let dirty = form.dataset.dirty === "true";
  let leaving = false;

  function showState() {
    if (saved) saved.hidden = dirty;
    if (unsaved) unsaved.hidden = !dirty;
  }

  function updateCount() {
    // Criteria decided from indicator values are counted as the server last decided them.
    const decided = form.querySelectorAll(".js-decided[data-achieved='true']").length;
    if (count) count.textContent = form.querySelectorAll(".js-achieved:checked").length + decided;
  }

  function markDirty() {
    dirty = true;
    showState();
    updateCount();
  }

  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  form.addEventListener("submit", () => {
    leaving = true;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = ""; // older browsers need it set to show their prompt
    }
  });
  showState();
  updateCount();
}
