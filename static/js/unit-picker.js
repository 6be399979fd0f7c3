// Unit picker: asks the server (units:search) for the units matching what is typed, and lets the user
// choose one with the mouse or the keyboard (arrows, Enter, Escape). Without this script the text input
// still works: the form reads the code or name typed in it.
(() => {
  const DELAY = 200;

  function setUp(root) {
    const input = root.querySelector("[role=combobox]");
    const list = root.querySelector("[role=listbox]");
    const status = root.querySelector("[data-unit-status]");
    const hidden = root.querySelector("[data-unit-value]");
    const chosen = root.querySelector("[data-unit-chosen]");
    let timer = null;
    let request = 0;
    let active = -1;

    function options() {
      return Array.from(list.querySelectorAll("[role=option]:not([aria-disabled=true])"));
    }

    function open(isOpen) {
      list.hidden = !isOpen;
      input.setAttribute("aria-expanded", String(isOpen));
      if (!isOpen) {
        active = -1;
        input.removeAttribute("aria-activedescendant");
      }
    }

    function highlight(index) {
      const items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
      const item = items[active];
      input.setAttribute("aria-activedescendant", item.id);
      item.scrollIntoView({ block: "nearest" });
    }

    async function search() {
      const number = ++request;
      const url = `${root.dataset.url}&q=${encodeURIComponent(input.value.trim())}`;
      let response;
      try {
        response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      } catch {
        return; // offline: the typed text is still read by the form
      }
      if (number !== request) return; // an answer to older typing
      list.innerHTML = response.ok ? await response.text() : "";
      options().forEach((item, i) => (item.id = `${list.id}-${i}`));
      const count = options().length;
      status.textContent = count ? root.dataset.found.replace("{count}", count) : list.textContent.trim();
      open(list.children.length > 0);
    }

    function pick(item) {
      if (chosen) {
        const value = item.dataset.value;
        if (!chosen.querySelector(`input[value="${value}"]`)) {
          const row = document.createElement("li");
          const label = document.createElement("label");
          const box = document.createElement("input");
          const text = document.createElement("span");
          label.className = "form-check";
          box.className = "form-check-input";
          box.type = "checkbox";
          box.name = root.dataset.name;
          box.value = value;
          box.checked = true;
          text.className = "form-check-label";
          text.textContent = ` ${item.dataset.label}`;
          label.append(box, text);
          row.append(label);
          chosen.append(row);
        }
        input.value = "";
      } else {
        hidden.value = item.dataset.value;
        input.value = item.dataset.label;
      }
      status.textContent = item.dataset.label;
      open(false);
    }

    input.addEventListener("input", () => {
      if (hidden) hidden.value = ""; // the text no longer names the chosen unit
      clearTimeout(timer);
      timer = setTimeout(search, DELAY);
    });

    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          search();
          return;
        }
        highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && !list.hidden) {
        const item = options()[active];
        if (item) {
          event.preventDefault(); // choose, do not submit the form
          pick(item);
        }
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        open(false);
      }
    });

    // mousedown, not click: it comes before the input loses focus and the list closes.
    list.addEventListener("mousedown", (event) => {
      const item = event.target.closest("[role=option]:not([aria-disabled=true])");
      if (!item) return;
      event.preventDefault();
      pick(item);
    });

    input.addEventListener("blur", () => setTimeout(() => open(false), 150));
  }

  function start() {
    document.querySelectorAll("[data-unit-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
