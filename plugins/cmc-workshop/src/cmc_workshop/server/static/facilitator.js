// The facilitator's agenda: adopt or type the agreed answer, and keep the agenda current.
// The agenda is fetched again as the server renders it (escaped there) whenever the answers
// or the canvas change (server-sent events, with a poll every few seconds as a fallback);
// what the facilitator is typing is kept across a refresh.
"use strict";

(function () {
  const body = document.body;
  const token = encodeURIComponent(body.dataset.token);
  const lang = encodeURIComponent(body.dataset.lang);
  let refreshing = false;
  let again = false;

  function key(item) {
    return item.dataset.questionnaire + "\u0000" + item.dataset.question;
  }

  async function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const response = await fetch("/f/" + token + "?lang=" + lang, { credentials: "same-origin" });
      if (!response.ok) {
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("agenda");
      const old = document.getElementById("agenda");
      if (!fresh || !old) {
        return;
      }
      const typed = new Map();
      let focused = null;
      for (const item of old.querySelectorAll("li.agenda-item")) {
        const input = item.querySelector("input.agreed-value");
        if (input && input.value) {
          typed.set(key(item), input.value);
        }
        if (input && document.activeElement === input) {
          focused = key(item);
        }
      }
      for (const item of fresh.querySelectorAll("li.agenda-item")) {
        const input = item.querySelector("input.agreed-value");
        if (input && typed.has(key(item))) {
          input.value = typed.get(key(item));
        }
      }
      const adopted = document.adoptNode(fresh);
      old.replaceWith(adopted);
      for (const section of ["participants", "empty-agenda"]) {
        const now = page.getElementById(section);
        const before = document.getElementById(section);
        if (now && before) {
          before.replaceWith(document.adoptNode(now));
        }
      }
      if (focused !== null) {
        for (const item of adopted.querySelectorAll("li.agenda-item")) {
          if (key(item) === focused) {
            item.querySelector("input.agreed-value").focus();
          }
        }
      }
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  async function decide(item, value) {
    const problem = item.querySelector(".problem-text");
    const response = await fetch("/api/f/" + token + "/decide?lang=" + lang, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        questionnaire: item.dataset.questionnaire,
        question: item.dataset.question,
        value: value,
      }),
      credentials: "same-origin",
    });
    if (response.ok) {
      const input = item.querySelector("input.agreed-value");
      if (input) {
        input.value = "";
      }
      await refresh();
      return;
    }
    let text = String(response.status);
    try {
      const answer = await response.json();
      if (answer.problems) {
        text = answer.problems.map((p) => p.message).join(" ");
      } else if (answer.error) {
        text = answer.error;
      }
    } catch (error) {
      // keep the status code
    }
    if (problem) {
      problem.textContent = text;
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) {
      return;
    }
    const item = button.closest("li.agenda-item");
    if (!item) {
      return;
    }
    if (button.classList.contains("adopt")) {
      decide(item, JSON.parse(button.dataset.value));
    } else if (button.classList.contains("decide")) {
      const input = item.querySelector("input.agreed-value");
      if (input && input.value.trim() !== "") {
        decide(item, input.value);
      }
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches && event.target.matches("input.agreed-value")) {
      event.preventDefault();
      const item = event.target.closest("li.agenda-item");
      if (item && event.target.value.trim() !== "") {
        decide(item, event.target.value);
      }
    }
  });

  if (window.EventSource) {
    const source = new EventSource("/events");
    source.addEventListener("answers", refresh);
    source.addEventListener("canvas", refresh);
  }
  window.setInterval(refresh, 5000);
})();
