/* The proof of work of every form that asks for one: the melding form, and in the melder's
   mailbox logging in, a message, one's details (ALTCHA v1: find the n in 0 … maxnumber with
   HEX(SHA-256(salt + n)) = challenge; services/challenge.py checks it with the `altcha`
   library). Each form has its own challenge and solves it when the page opens, so by the time
   the melder sends, it is usually done; a send before then waits for it, and says so to
   screen readers. Without JavaScript the server asks for it with a clear message and keeps
   what was typed (the mailbox can still be read).

   The hashing runs in a dedicated Web Worker started from this same file (its own URL, so
   from this site's static files: no blob: URL, no other origin), so the page stays responsive
   on a slow phone. In the worker, this file only answers the page's messages. Where there is
   no Worker (or it cannot start), the same search runs on the page in small batches, each
   its own task, so that no task blocks the page for long.

   The digests of a batch are asked for at once: crypto.subtle hashes off the calling thread,
   and this is several times faster than awaiting them one by one. */
(function (scope) {
  "use strict";

  var ALGORITHMS = { "SHA-1": true, "SHA-256": true, "SHA-512": true };
  // Numbers hashed per batch: in the worker, for speed; on the page, few enough that one
  // batch takes a few milliseconds even on a slow phone.
  var WORKER_BATCH = 2000;
  var PAGE_BATCH = 200;

  function bytesOf(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i += 1) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return bytes;
  }

  function same(buffer, target) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length !== target.length) { return false; }
    for (var i = 0; i < bytes.length; i += 1) {
      if (bytes[i] !== target[i]) { return false; }
    }
    return true;
  }

  /* The number that solves `data` (the challenge JSON of the page), or null when none does.
     `batch`: numbers per batch; `pause`: returns a promise awaited between batches. */
  async function search(data, batch, pause) {
    var algorithm = ALGORITHMS[data.algorithm] === true ? data.algorithm : "SHA-256";
    var challenge = String(data.challenge).toLowerCase();
    if (!/^[0-9a-f]+$/.test(challenge) || challenge.length % 2) { return null; }
    var target = bytesOf(challenge);
    var salt = String(data.salt);
    var most = Number(data.maxnumber);
    var encoder = new TextEncoder();
    var subtle = scope.crypto.subtle;
    for (var start = 0; start <= most; start += batch) {
      var end = Math.min(most, start + batch - 1);
      var pending = [];
      for (var n = start; n <= end; n += 1) {
        pending.push(subtle.digest(algorithm, encoder.encode(salt + n)));
      }
      var digests = await Promise.all(pending);
      for (var i = 0; i < digests.length; i += 1) {
        if (same(digests[i], target)) { return start + i; }
      }
      if (pause) { await pause(); }
    }
    return null;
  }

  // In the worker: answer each challenge with {number: n or null}, or {failed: true}.
  if (typeof scope.document === "undefined") {
    scope.onmessage = function (event) {
      search(event.data, WORKER_BATCH, null).then(function (number) {
        scope.postMessage({ number: number });
      }, function () {
        scope.postMessage({ number: null, failed: true });
      });
    };
    return;
  }

  // On the page ------------------------------------------------------------------------------

  var script = document.currentScript;
  var workerUrl = script ? script.src : null;

  // A new task after each batch, so the page can paint and answer the melder in between:
  // a message to ourselves (setTimeout would wait at least 4 ms each time once nested).
  function pause() {
    return new Promise(function (resolve) {
      if (typeof scope.MessageChannel !== "function") { scope.setTimeout(resolve, 0); return; }
      var channel = new scope.MessageChannel();
      channel.port1.onmessage = function () { channel.port1.close(); resolve(); };
      channel.port2.postMessage(null);
    });
  }

  function onPage(data) {
    return search(data, PAGE_BATCH, pause);
  }

  /* A promise of the number that solves `data`, or of null. */
  function solve(data) {
    // Marks where the search begins, so a test can tell its tasks from the page's loading.
    if (scope.performance && scope.performance.mark) { scope.performance.mark("vw-pow-start"); }
    if (typeof scope.Worker !== "function" || !workerUrl) { return onPage(data); }
    return new Promise(function (resolve) {
      var worker = null;
      function instead() {  // the worker could not do it: solve on the page
        if (worker) { worker.terminate(); }
        resolve(onPage(data));
      }
      try {
        worker = new scope.Worker(workerUrl);
      } catch (error) {  // e.g. static files served from another origin
        instead();
        return;
      }
      worker.onmessage = function (event) {
        if (!event.data || event.data.failed) { instead(); return; }
        worker.terminate();
        resolve(event.data.number);
      };
      worker.onerror = function (event) {
        event.preventDefault();
        instead();
      };
      worker.postMessage(data);
    });
  }

  function guard(form) {
    var field = form.querySelector("input[name=challenge]");
    var status = form.querySelector(".vw-form__status");
    var data = JSON.parse(form.getAttribute("data-challenge"));
    var solved = null;
    var waiting = false;

    var work = solve(data).then(function (number) {
      if (number === null) { return; }
      solved = btoa(JSON.stringify({
        algorithm: data.algorithm, challenge: data.challenge, number: number,
        salt: data.salt, signature: data.signature
      }));
      field.value = solved;
      if (waiting) { form.submit(); }
    }).catch(function () {});  // unsolved: a send goes without, and the server says so

    form.addEventListener("submit", function (event) {
      var files = form.querySelector("input[type=file]");
      var most = parseInt(form.getAttribute("data-max-files"), 10);
      if (files && files.files && most && files.files.length > most) {
        event.preventDefault();  // the server would refuse it; keep what was typed
        if (status) { status.textContent = form.getAttribute("data-too-many"); }
        files.focus();
        return;
      }
      if (solved) { return; }
      event.preventDefault();
      if (waiting) { return; }
      waiting = true;
      if (status) { status.textContent = form.getAttribute("data-working"); }
      work.then(function () { if (!solved) { form.submit(); } });
    });
  }

  if (scope.crypto && scope.crypto.subtle && scope.TextEncoder) {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-challenge]"), guard);
  }

  var errors = document.getElementById("vw-errors");
  if (errors) { errors.focus(); }
})(self);
