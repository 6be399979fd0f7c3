// Plan pages. The CSP forbids inline styles, so progress bars get their width here from the
// aria-valuenow their container carries; without JavaScript the percentage stays written beside them.
document.addEventListener("DOMContentLoaded", () => {
  for (const bar of document.querySelectorAll(".progress-bar[data-progress]")) {
    bar.style.width = `${Number(bar.dataset.progress) || 0}%`;
  }

  // Buttons that delete ask first.
  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }

  // Target form: show only the fields the chosen type reads (every field stays in the form).
  const map = document.getElementById("target-type-fields");
  const type = document.getElementById("id_type");
  if (!map || !type) return;
  const fieldsByType = JSON.parse(map.textContent);
  const optional = new Set(Object.values(fieldsByType).flat());
  function showFieldsOfType() {
    const wanted = new Set(fieldsByType[type.value] || optional);
    for (const name of optional) {
      const wrapper = document.getElementById(`div_id_${name}`);
      if (wrapper) wrapper.hidden = !wanted.has(name);
    }
  }
  type.addEventListener("change", showFieldsOfType);
  showFieldsOfType();
});
