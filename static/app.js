// Enhancements for every page; pages work without them.

const here = location.pathname + location.search;

// The language switch comes back to the page it was used on.
for (const link of document.querySelectorAll("a[data-lang-switch]")) {
  link.href = `${link.pathname}?back=${encodeURIComponent(here)}`;
}

// "Back" on an error page returns to the page of the refused form.
const back = document.querySelector("a[data-back]");
if (back && document.referrer.startsWith(location.origin)) back.href = document.referrer;

// Select every file of the page for a bulk action.
const all = document.getElementById("select-all");
if (all) {
  all.addEventListener("change", () => {
    for (const box of document.querySelectorAll("#files input[name=ids]")) box.checked = all.checked;
  });
}

// The year view's upload queue.
const drop = document.getElementById("drop");
if (drop) import("./upload.js").then((m) => m.setup(drop));

// A file whose OCR is queued or running: reload its page once the reading is over.
const ocr = document.getElementById("ocr-status");
if (ocr && (ocr.dataset.status === "queued" || ocr.dataset.status === "running")) {
  const m = /^\/years\/([^/]+)\/files\/([^/]+)$/.exec(location.pathname);
  const org = document.body.dataset.org;
  if (m && org) {
    const poll = async () => {
      const response = await fetch(`/organizations/${org}/years/${m[1]}/files/${m[2]}`, { credentials: "same-origin" });
      const file = response.ok ? await response.json() : null;
      const status = file && file.ocr ? file.ocr.status : "";
      if (status === "done" || status === "failed") location.reload();
      else setTimeout(poll, 1500);
    };
    setTimeout(poll, 1500);
  }
}

document.documentElement.classList.add("js");
