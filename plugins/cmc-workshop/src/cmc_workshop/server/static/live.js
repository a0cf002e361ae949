// The live poster: reload the canvas frame whenever the server says the canvas file changed,
// and mark the version shown on <body data-version> once the new frame has loaded.
"use strict";

(function () {
  const body = document.body;
  const frame = document.getElementById("poster");
  if (!frame) {
    return;
  }
  const code = body.dataset.code || "";
  const lang = body.dataset.lang || "";
  let wanted = body.dataset.version;

  function query(extra) {
    const parts = ["lang=" + encodeURIComponent(lang)];
    if (code) {
      parts.push("code=" + encodeURIComponent(code));
    }
    return "?" + parts.concat(extra).join("&");
  }

  frame.addEventListener("load", () => {
    const shown = new URL(frame.src, window.location.href).searchParams.get("v");
    if (shown) {
      body.dataset.version = shown;
    }
  });

  function show(version) {
    if (version === wanted) {
      return;
    }
    wanted = version;
    frame.src = "/poster/canvas.html" + query(["v=" + encodeURIComponent(version)]);
  }

  function connect() {
    const source = new EventSource("/events" + query(["version=" + encodeURIComponent(wanted)]));
    source.addEventListener("canvas", (event) => {
      show(JSON.parse(event.data).version);
    });
  }

  connect();
})();
