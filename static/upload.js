// The upload queue of the year view: files dropped (or picked, or a whole folder) each get a
// row; each is hashed in the browser (a duplicate is reported, not uploaded), created through
// the API, PUT to its presigned URL with progress, finalized, sent to OCR, and followed until
// read. Every refusal shows the API's own message on its row; the other files go on.

const T = JSON.parse(document.getElementById("i18n").textContent);
const PARALLEL = 3;
const TYPES = { pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png",
  tif: "image/tiff", tiff: "image/tiff", webp: "image/webp", gif: "image/gif", xml: "application/xml" };

class Refused extends Error {}

export function setup(drop) {
  const { org, year, folder, csrf } = drop.dataset;
  const base = `/organizations/${org}/years/${year}`;
  const list = document.getElementById("uploads");
  const waiting = [];
  let running = 0;
  // Files of this page with the same content: the first is uploaded, the others wait for it
  // and are reported as its duplicates.
  const byHash = new Map();
  // Hashes are taken in the order the files were dropped, so that of two identical files the
  // first dropped is the one uploaded, whichever digest would have finished first.
  let hashed = Promise.resolve();

  const api = async (method, path, body) => {
    const response = await fetch(base + path, {
      method, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Refused((data && data.detail) || `${response.status}`);
      error.problem = data || {};
      throw error;
    }
    return data;
  };

  const pump = () => {
    while (running < PARALLEL && waiting.length > 0) {
      const job = waiting.shift();
      running += 1;
      upload(job).finally(() => { running -= 1; pump(); });
    }
  };

  const enqueue = (files) => {
    for (const file of files) {
      const row = newRow(list, file);
      waiting.push({ file, row });
    }
    pump();
  };

  async function upload({ file, row }) {
    try {
      if (!crypto.subtle) throw new Refused(T.no_crypto);
      row.say(T.hashing, "hashing");
      const turn = hashed.then(async () => crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
      hashed = turn.catch(() => {});
      const digest = await turn;
      const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
      if (byHash.has(hash)) {
        const existing = await byHash.get(hash);
        if (existing) return row.duplicate(T.duplicate, existing);
      }
      let settle;
      byHash.set(hash, new Promise((resolve) => { settle = resolve; }));
      try {
        await send(file, row, hash, settle);
      } finally {
        settle(null);
      }
    } catch (e) {
      row.refuse(e instanceof Refused ? e.message : T.network);
    }
  }

  async function send(file, row, hash, settle) {
    row.say(T.checking, "checking");
    let created;
    try {
      created = await api("POST", "/files", { name: file.name, idFolder: folder || null, hash });
    } catch (e) {
      if (e.problem && e.problem.code === "duplicate_file") return row.duplicate(e.message, e.problem.idFileExisting);
      throw e;
    }
    const id = created.id;
    row.id = id;
    let signed;
    try {
      signed = await api("POST", `/files/${id}/upload-url`, { type: typeOf(file), size: file.size });
    } catch (e) {
      // The refused file never gets content: it goes, so that no empty document stays behind.
      await api("DELETE", `/files/${id}`).catch(() => {});
      throw e;
    }
    row.say(T.uploading, "uploading");
    await put(signed, file, (fraction) => row.progress(fraction));
    row.say(T.finalizing, "finalizing");
    try {
      await api("POST", `/files/${id}/finalize`);
    } catch (e) {
      if (e.problem && e.problem.code === "duplicate_file") {
        await api("DELETE", `/files/${id}`).catch(() => {});
        return row.duplicate(e.message, e.problem.idFileExisting);
      }
      throw e;
    }
    settle(id);
    row.available(`/years/${year}/files/${id}`, id);
    let state;
    try {
      state = await api("POST", `/files/${id}/ocr`);
    } catch (e) {
      return row.note(e.message);
    }
    await follow(id, state, row);
  }

  async function follow(id, file, row) {
    for (let i = 0; i < 600; i += 1) {
      const status = file.ocr ? file.ocr.status : "queued";
      row.ocr(status, T[status] || status);
      if (status === "done" || status === "failed") return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      file = await api("GET", `/files/${id}`);
    }
  }

  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    enqueue(await droppedFiles(e.dataTransfer));
  });
  drop.addEventListener("keydown", (e) => {
    if (e.target === drop && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); document.getElementById("pick").click(); }
  });
  for (const id of ["pick", "pick-dir"]) {
    const input = document.getElementById(id);
    input.addEventListener("change", () => { enqueue([...input.files]); input.value = ""; });
  }
}

function typeOf(file) {
  const ext = (file.name.split(".").pop() || "").toLowerCase();
  return file.type || TYPES[ext] || "application/octet-stream";
}

// PUT with XMLHttpRequest: fetch reports no upload progress.
function put(signed, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", signed.url);
    for (const [name, value] of Object.entries(signed.headers || {})) {
      if (name.toLowerCase() !== "content-length") xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      const message = /<Message>([^<]*)<\/Message>/.exec(xhr.responseText || "");
      reject(new Refused(message ? message[1] : `${xhr.status}`));
    };
    xhr.onerror = () => reject(new Refused(T.network));
    xhr.send(file);
  });
}

// Files of a drop, folders walked recursively (their files go to the current folder).
async function droppedFiles(transfer) {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
  if (entries.length === 0) return [...transfer.files];
  const files = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      files.push(await new Promise((resolve, reject) => entry.file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return files;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function newRow(list, file) {
  const li = el("li", "upload");
  li.dataset.name = file.name;
  li.dataset.state = "waiting";
  const thumb = el("span", "thumb");
  const name = el("span", "name", file.name);
  const bar = el("progress");
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", file.name);
  const status = el("span", "status");
  const ocr = el("span", "ocr");
  li.append(thumb, name, bar, status, ocr);
  list.append(li);
  return {
    say(text, state) { status.textContent = text; li.dataset.state = state; },
    progress(fraction) { bar.value = fraction; status.textContent = `${T.uploading} ${Math.round(fraction * 100)} %`; },
    refuse(message) { status.textContent = `${T.refused} : ${message}`; li.dataset.state = "refused"; li.classList.add("refused"); bar.remove(); },
    note(message) { ocr.textContent = message; },
    duplicate(message, existing) {
      status.textContent = `${T.duplicate} — `;
      const link = el("a", "existing", T.open_existing);
      link.href = `/documents/${existing}`;
      status.append(link);
      status.title = message;
      li.dataset.state = "duplicate";
      bar.remove();
    },
    available(href, id) {
      bar.value = 1;
      status.textContent = "";
      const link = el("a", "", T.available);
      link.href = href;
      status.append(link);
      li.dataset.state = "available";
      li.dataset.file = id;
      showThumbnail(thumb, id, 0);
    },
    ocr(status, text) { ocr.textContent = text; li.dataset.ocr = status; },
  };
}

// The thumbnail is made in the background: try again until it exists.
function showThumbnail(holder, id, attempt) {
  const img = new Image(48, 64);
  img.alt = "";
  img.onload = () => { holder.replaceChildren(img); holder.dataset.ready = "1"; };
  img.onerror = () => { if (attempt < 30) setTimeout(() => showThumbnail(holder, id, attempt + 1), 1000); };
  img.src = `/documents/${id}?thumbnail&t=${attempt}`;
}
