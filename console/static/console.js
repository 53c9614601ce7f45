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

// The knowledge-base search on the conversation page: results without a page load, and
// "Antwoord invoegen" puts the article's published answer into the reply (to edit first).
// Without JavaScript the same form and links work as plain GET requests.
function knowledgeSearch() {
  const form = document.getElementById("kb-search-form");
  const results = document.getElementById("kb-results");
  const reply = document.getElementById("reply-text");
  if (!form || !results || !reply) return;
  const insert = async (id) => {
    const url = form.dataset.answer + encodeURIComponent(id) +
      "?kanaal=" + encodeURIComponent(form.dataset.channel || "");
    const answer = await fetch(url, { credentials: "same-origin",
                                      headers: { "X-CSRF-Token": csrfToken() } });
    if (!answer.ok) return;
    const article = await answer.json();
    reply.value = reply.value ? `${reply.value}\n\n${article.answer}` : article.answer;
    reply.focus();
  };
  results.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-article]");
    if (!link) return;
    event.preventDefault();
    insert(link.dataset.article);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = document.getElementById("kb-query").value;
    const answer = await fetch(`${form.dataset.search}?q=${encodeURIComponent(query)}`, {
      credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken() } });
    if (!answer.ok) return;
    const found = await answer.json();
    results.replaceChildren();
    if (!found.results.length) {
      const p = document.createElement("p");
      p.textContent = "Geen artikel gevonden. Probeer andere woorden.";
      results.appendChild(p);
      return;
    }
    const list = document.createElement("ul");
    found.results.forEach((item) => {
      const li = document.createElement("li");
      li.append(`${item.title} (${item.department}) `);
      const link = document.createElement("a");
      link.href = "#reply-text";
      link.dataset.article = item.id;
      link.textContent = "Antwoord invoegen";
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = `: ${item.title}`;
      link.appendChild(hidden);
      li.appendChild(link);
      list.appendChild(li);
    });
    results.appendChild(list);
  });
}

// The article page: preview the unsaved answer on every medium, with the B1 check.
function articlePreview() {
  const button = document.getElementById("kb-preview-button");
  if (!button) return;
  button.addEventListener("click", async () => {
    const body = new URLSearchParams(new FormData(document.getElementById("article-form")));
    const answer = await fetch(button.dataset.preview, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrfToken() },
    });
    const result = await answer.json();
    const checks = document.getElementById("readability");
    checks.replaceChildren();
    const lines = result.errors || result.readability || [];
    const intro = document.createElement("p");
    intro.textContent = result.errors ? "Dit klopt nog niet:" : lines.length
      ? "Controleer dit voor u publiceert. Het zijn tips; publiceren kan wel."
      : "Geen opmerkingen: korte zinnen en gewone woorden.";
    checks.appendChild(intro);
    if (lines.length) {
      const list = document.createElement("ul");
      lines.forEach((line) => {
        const li = document.createElement("li");
        li.textContent = line;
        list.appendChild(li);
      });
      checks.appendChild(list);
    }
    if (result.errors) return;
    document.getElementById("kb-preview-note").textContent =
      "Dit is uw tekst zoals hij nu in het formulier staat (nog niet opgeslagen).";
    document.querySelectorAll("#kb-preview [data-medium]").forEach((column) => {
      column.replaceChildren();
      (result.preview[column.dataset.medium] || []).forEach(
        (part) => column.appendChild(bubble(part)));
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  listen();
  cannedAnswers();
  tonePreview();
  knowledgeSearch();
  articlePreview();
});
