// Unit form: offer only the division types of the chosen kind. The types are grouped by kind
// (<optgroup label="Village">), so without this script the form still works.
document.addEventListener("DOMContentLoaded", () => {
  const kind = document.getElementById("id_kind");
  const type = document.getElementById("id_division_type");
  if (!kind || !type) return;

  function showTypesOfKind() {
    const label = kind.options[kind.selectedIndex]?.text;
    const kindLabels = new Set(Array.from(kind.options, (option) => option.text));
    for (const group of type.querySelectorAll("optgroup")) {
      if (!kindLabels.has(group.label)) continue; // e.g. the unit's current, older type
      const matches = group.label === label;
      group.hidden = !matches;
      group.disabled = !matches;
    }
    const chosen = type.options[type.selectedIndex];
    if (chosen && chosen.parentElement.disabled) type.value = "";
  }

  kind.addEventListener("change", showTypesOfKind);
  showTypesOfKind();
});
