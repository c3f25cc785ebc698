/* The proof of work of every form that asks for one: the melding form, and in the melder's
   mailbox logging in, a message, one's details (ALTCHA v1: find n with SHA-256(salt + n) =
   challenge). Each form has its own challenge and solves it when the page opens, so by the
   time the melder sends, it is usually done. Without JavaScript the server asks for it with a
   clear message and keeps what was typed (the mailbox can still be read). */
(function () {
  "use strict";
  if (!window.crypto || !window.crypto.subtle) { return; }
  var encoder = new TextEncoder();

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  async function solve(data) {
    for (var n = 0; n <= data.maxnumber; n += 1) {
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(data.salt + n));
      if (hex(digest) === data.challenge) { return n; }
    }
    return null;
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
    });

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

  Array.prototype.forEach.call(document.querySelectorAll("form[data-challenge]"), guard);

  var errors = document.getElementById("vw-errors");
  if (errors) { errors.focus(); }
})();
