// newsprism UI behaviour. No inline scripts: the Content-Security-Policy allows only this file.
"use strict";

function showFact(el) {
  const ids = (el.dataset.facts || "").split(" ").filter(Boolean);
  if (!ids.length) return;
  document.querySelectorAll(".f.active").forEach((x) => x.classList.remove("active"));
  document.querySelectorAll(".fact").forEach((x) => { x.hidden = true; });
  // the innermost (shortest) fact comes first; a second click on the same piece moves outward
  let index = 0;
  if (el.dataset.shown) index = (ids.indexOf(el.dataset.shown) + 1) % ids.length;
  const id = ids[index];
  el.dataset.shown = id;
  document.querySelectorAll(".f").forEach((x) => {
    if ((x.dataset.facts || "").split(" ").includes(id)) x.classList.add("active");
  });
  const panel = document.getElementById("fact-" + id);
  const hint = document.getElementById("evidence-hint");
  if (hint) hint.hidden = true;
  if (panel) panel.hidden = false;
}

function setupFacts() {
  const text = document.getElementById("text");
  if (!text) return;
  text.addEventListener("click", (event) => {
    const el = event.target.closest(".f");
    if (el) showFact(el);
  });
  text.addEventListener("keydown", (event) => {
    const el = event.target.closest(".f");
    if (el && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); showFact(el); }
  });
}

function setupDecision() {
  const form = document.getElementById("decision-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("decision-status");
    const action = form.elements.action.value;
    const others = form.elements.names.value.split("\n").map((s) => s.trim()).filter(Boolean);
    const names = [form.dataset.name, ...others];
    const what = action === "merge" ? "Merge " + others.join(", ") + " into " + form.dataset.name
                                    : "Split " + others.join(", ") + " off " + form.dataset.name;
    if (!others.length || !window.confirm(what + "? The decision is recorded.")) return;
    const response = await fetch("/api/entity-decisions", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + form.elements.token.value },
      body: JSON.stringify({ action: action, names: action === "merge" ? names : others,
                             label: form.dataset.label || null, note: form.elements.note.value || null }),
    });
    const data = await response.json();
    status.textContent = data.ok ? "Recorded decision #" + data.decision.id + "." : "Refused: " + data.error;
    if (data.ok) window.location.reload();
  });
}

document.addEventListener("DOMContentLoaded", () => { setupFacts(); setupDecision(); });
