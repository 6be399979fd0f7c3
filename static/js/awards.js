// Award pages. The nomination form shows only the nominee fields of the chosen kind and greys out the
// award forms that do not fit the kind or the submission date; without JavaScript every field stays
// visible and the server says what does not fit.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }

  const map = document.getElementById("nominee-kind-fields");
  const form = document.getElementById("nomination-form");
  if (!map || !form) return;
  const fieldsByKind = JSON.parse(map.textContent);
  const allFields = new Set(Object.values(fieldsByKind).flat());
  const kindInputs = form.querySelectorAll("input[name=nominee_kind]");
  const awardSelect = document.getElementById("id_award_form");
  const dateInput = document.getElementById("id_submission_date");

  function chosenKind() {
    const checked = form.querySelector("input[name=nominee_kind]:checked");
    return checked ? checked.value : "";
  }

  function isoDate(text) {
    const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text || "").trim());
    if (!match) return "";
    return `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
  }

  function showKindFields() {
    const kind = chosenKind();
    const wanted = new Set(fieldsByKind[kind] || allFields);
    for (const name of allFields) {
      const wrapper = document.getElementById(`div_id_${name}`);
      if (wrapper) wrapper.closest(".col-md-6").hidden = !wanted.has(name);
    }
  }

  function filterAwardForms() {
    if (!awardSelect) return;
    const kind = chosenKind();
    const day = isoDate(dateInput ? dateInput.value : "");
    for (const option of awardSelect.options) {
      if (!option.value) continue;
      const kinds = (option.dataset.kinds || "").split(" ").filter(Boolean);
      const fitsKind = !kind || kinds.length === 0 || kinds.includes(kind);
      const fitsDate =
        !day || ((!option.dataset.from || option.dataset.from <= day) && (!option.dataset.to || option.dataset.to >= day));
      // The selected option stays selectable, so the server can say why it does not fit.
      option.disabled = !(fitsKind && fitsDate) && !option.selected;
    }
  }

  for (const input of kindInputs) {
    input.addEventListener("change", () => {
      showKindFields();
      filterAwardForms();
    });
  }
  if (dateInput) dateInput.addEventListener("input", filterAwardForms);
  showKindFields();
  filterAwardForms();
});
