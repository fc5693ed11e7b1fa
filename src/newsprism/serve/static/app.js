// newsprism UI behaviour. No inline scripts: the Content-Security-Policy allows only this file.
"use strict";

const NARROW = window.matchMedia("(max-width: 900px)");

function factIds(el) {
  return (el.dataset.facts || "").split(" ").filter(Boolean);
}

// Open the evidence of fact `id` (default: the innermost fact of `el`; a second click on the
// same piece moves outward) and mark every piece of it.
function showFact(el, id) {
  const ids = factIds(el);
  if (!ids.length) return null;
  if (!id) {
    let index = 0;
    if (el.dataset.shown) index = (ids.indexOf(el.dataset.shown) + 1) % ids.length;
    id = ids[index];
  }
  document.querySelectorAll(".f.active").forEach((x) => x.classList.remove("active"));
  document.querySelectorAll(".fact").forEach((x) => { x.hidden = true; });
  el.dataset.shown = id;
  document.querySelectorAll("#text .f").forEach((x) => {
    if (factIds(x).includes(id)) x.classList.add("active");
  });
  const panel = document.getElementById("fact-" + id);
  const hint = document.getElementById("evidence-hint");
  if (hint) hint.hidden = true;
  if (panel) panel.hidden = false;
  placeEvidence(el);
  return panel;
}

// On a narrow screen the evidence follows the paragraph of the fact, so it is read beside it;
// on a wide one it stays in its column.
function placeEvidence(el) {
  const evidence = document.getElementById("evidence");
  const column = document.querySelector(".evidence-col");
  if (!evidence || !column) return;
  if (NARROW.matches) el.closest("p").after(evidence);
  else if (evidence.parentElement !== column) column.append(evidence);
}

// A link to "#claim-120-151" (kind-start-end) opens that fact: the span scrolled into view,
// marked, and its evidence open.
function openLinkedFact() {
  const anchor = decodeURIComponent(window.location.hash.slice(1));
  if (!/^[a-z]+-\d+-\d+$/.test(anchor)) return;
  const panel = document.querySelector('.fact[data-anchor="' + anchor + '"]');
  if (!panel) {
    // offsets from an older version of the article, or a mistyped link: say so rather than nothing
    document.querySelectorAll(".f.active").forEach((x) => x.classList.remove("active"));
    document.querySelectorAll(".fact").forEach((x) => { x.hidden = true; });
    const hint = document.getElementById("evidence-hint");
    if (hint) hint.hidden = false;
    const [kind, start, end] = anchor.split("-");
    if (hint) hint.textContent = "This article has no " + kind + " at " + start + "–" + end
      + " (the link may predate a new version of its text). Click a highlighted fact.";
    return;
  }
  const id = panel.id.slice("fact-".length);
  const piece = Array.from(document.querySelectorAll("#text .f")).find((x) => factIds(x).includes(id));
  if (!piece) return;
  showFact(piece, id);
  if (NARROW.matches) {
    // the evidence follows the paragraph: bring the span near the top, below the bar, so both show
    const bar = document.querySelector("header.top");
    const top = piece.getBoundingClientRect().top + window.scrollY - (bar ? bar.offsetHeight : 0) - 12;
    window.scrollTo(0, Math.max(0, top));
  } else {
    piece.scrollIntoView({ block: "center" });
  }
  piece.focus({ preventScroll: true });
}

function setupFacts() {
  const text = document.getElementById("text");
  if (!text) return;
  text.addEventListener("click", (event) => {
    const el = event.target.closest(".f");
    if (el) remember(showFact(el));
  });
  text.addEventListener("keydown", (event) => {
    const el = event.target.closest(".f");
    if (el && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); remember(showFact(el)); }
  });
  window.addEventListener("hashchange", openLinkedFact);
  openLinkedFact();
}

// The address names the fact shown, so it can be copied; replaceState does not scroll.
function remember(panel) {
  if (panel && panel.dataset.anchor) history.replaceState(null, "", "#" + panel.dataset.anchor);
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
