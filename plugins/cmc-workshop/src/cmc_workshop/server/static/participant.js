// The participant's questionnaire: send the answers as JSON and show what the server said.
// Every text shown comes from the server (data-* attributes or the API's answer) and is put
// in with textContent, never as markup.
"use strict";

(function () {
  const form = document.getElementById("answers");
  if (!form) {
    return;
  }
  const status = document.getElementById("status");

  function collect() {
    const answers = {};
    for (const wrapper of form.querySelectorAll("[data-question]")) {
      const id = wrapper.dataset.question;
      const boxes = wrapper.querySelectorAll("input[type=checkbox]");
      if (boxes.length > 0) {
        const chosen = [];
        for (const box of boxes) {
          if (box.checked) {
            chosen.push(box.value);
          }
        }
        answers[id] = chosen.length > 0 ? chosen : null;
        continue;
      }
      const field = wrapper.querySelector("[name]");
      if (field) {
        answers[id] = field.value.trim() !== "" ? field.value : null; // null takes it back
      }
    }
    return answers;
  }

  function show(message, problems) {
    status.replaceChildren();
    const line = document.createElement("p");
    line.className = problems.length ? "result failed" : "result saved";
    line.textContent = message;
    status.append(line);
    if (problems.length) {
      const list = document.createElement("ul");
      for (const problem of problems) {
        const item = document.createElement("li");
        item.className = "problem";
        item.dataset.question = problem.question;
        item.textContent = problem.message;
        list.append(item);
      }
      status.append(list);
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    show(form.dataset.saving, []);
    const address = "/api/p/" + encodeURIComponent(form.dataset.token) + "/answers?lang=" +
      encodeURIComponent(form.dataset.lang);
    try {
      const response = await fetch(address, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ questionnaire: form.dataset.questionnaire, answers: collect() }),
        credentials: "same-origin",
      });
      const body = await response.json();
      if (response.ok) {
        show(body.message, []);
      } else if (response.status === 422) {
        show(form.dataset.problems, body.problems);
      } else {
        show(form.dataset.failed + " (" + response.status + ")", []);
      }
    } catch (error) {
      show(form.dataset.failed, []);
    }
  });
})();
