// Live updates (server-sent events), canned answers and the tone preview.
"use strict";

function csrfToken() {
  const main = document.getElementById("main");
  return main ? main.dataset.csrf : "";
}

async function refresh(element) {
  const answer = await fetch(element.dataset.refresh, { credentials: "same-origin" });
  if (answer.ok) element.innerHTML = await answer.text();
}

function listen() {
  const live = document.querySelectorAll("[data-refresh]");
  if (!live.length || !window.EventSource) return;
  const source = new EventSource("/console/stream");
  let seen = null;
  source.onmessage = (event) => {
    if (seen !== null && event.data !== seen) live.forEach(refresh);
    seen = event.data;
  };
}

function cannedAnswers() {
  document.querySelectorAll("select[data-fill]").forEach((select) => {
    select.addEventListener("change", () => {
      const target = document.getElementById(select.dataset.fill);
      if (select.value) target.value = select.value;
      target.focus();
    });
  });
}

function bubble(part) {
  const div = document.createElement("div");
  div.className = "bubble";
  let text = part.text;
  if (part.segments) text += `\n(${part.segments} sms)`;
  if (part.buttons) text += "\n" + part.buttons.map((b) => `[ ${b.title} ]`).join("\n");
  div.textContent = text;  // never HTML: what a medium sends is shown as text
  return div;
}

function tonePreview() {
  const button = document.getElementById("tone-preview-button");
  if (!button) return;
  button.addEventListener("click", async () => {
    const form = document.getElementById("tone-form");
    const body = new URLSearchParams(new FormData(form));
    const answer = await fetch("/console/tone/preview", {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrfToken() },
    });
    const result = await answer.json();
    document.querySelectorAll("#tone-preview [data-medium]").forEach((column) => {
      column.replaceChildren();
      if (result.errors) {
        const p = document.createElement("p");
        p.className = "error";
        p.textContent = result.errors.join(" ");
        column.appendChild(p);
        return;
      }
      (result[column.dataset.medium] || []).forEach((part) => column.appendChild(bubble(part)));
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  listen();
  cannedAnswers();
  tonePreview();
});
