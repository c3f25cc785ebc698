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
   no Worker (or it cannot start), the same search runs on the page in slices of a few
   milliseconds, each its own task, so that no task blocks the page for long.

   SHA-256 is done here, in plain JavaScript, not with crypto.subtle: every candidate shares
   the prefix `salt`, so the hash state over the salt's whole 64-byte blocks is computed once
   and each candidate hashes only the last one or two blocks (the rest of the salt, the digits,
   the padding), in preallocated typed arrays, synchronously. crypto.subtle costs an async
   call and fresh buffers per candidate (about 10–20 µs each); this is over ten times faster
   (docs/performance.md), and it works on plain http:// too, where crypto.subtle is absent.
   tests/browser/test_proof_of_work_hash.py checks it against Python's hashlib and `altcha`. */
(function (scope) {
  "use strict";

  // SHA-256 (FIPS 180-4) ----------------------------------------------------------------------

  // The round constants: the first 32 bits of the fractional parts of the cube roots of the
  // first 64 primes.
  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
  ]);
  // The initial hash value: the first 32 bits of the fractional parts of the square roots of
  // the first 8 primes.
  var INITIAL = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
    0x5be0cd19
  ];

  /* Rounds `from` … `to` - 1 of the compression function on the working variables `v` (8
     words, changed in place) with the message schedule `w` (64 words; w[0 … 15] is the block,
     big-endian; w[16 …] is filled in here as the rounds reach it). All arithmetic is on 32-bit
     integers: `| 0` wraps, `>>>` and `<<` rotate. */
  function rounds(v, w, from, to) {
    var a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
    for (var t = from; t < to; t += 1) {
      var x;
      if (t < 16) {
        x = w[t];
      } else {  // the message schedule
        var p = w[t - 15], q = w[t - 2];
        x = w[t] = (
          ((q >>> 17 | q << 15) ^ (q >>> 19 | q << 13) ^ (q >>> 10)) + w[t - 7] +
          ((p >>> 7 | p << 25) ^ (p >>> 18 | p << 14) ^ (p >>> 3)) + w[t - 16]
        ) | 0;
      }
      var t1 = (h + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7)) +
        ((e & f) ^ (~e & g)) + K[t] + x) | 0;
      var t2 = (((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10)) +
        ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    v[0] = a; v[1] = b; v[2] = c; v[3] = d; v[4] = e; v[5] = f; v[6] = g; v[7] = h;
  }

  /* Words `from` … `to` - 1 of `w` from the bytes of `bytes` at 4 × word (big-endian). */
  function pack(w, bytes, offset, from, to) {
    for (var j = from; j < to; j += 1) {
      var i = offset + 4 * j;
      w[j] = bytes[i] << 24 | bytes[i + 1] << 16 | bytes[i + 2] << 8 | bytes[i + 3];
    }
  }

  /* The SHA-256 state after the whole 64-byte blocks of `prefix` (bytes), and the rest. */
  function midstate(prefix) {
    var state = new Int32Array(INITIAL), v = new Int32Array(8), w = new Int32Array(64);
    var whole = prefix.length - prefix.length % 64;
    for (var offset = 0; offset < whole; offset += 64) {
      pack(w, prefix, offset, 0, 16);
      v.set(state);
      rounds(v, w, 0, 64);
      for (var i = 0; i < 8; i += 1) { state[i] = (state[i] + v[i]) | 0; }
    }
    return { state: state, rest: prefix.subarray(whole) };
  }

  /* A hasher of prefix + decimal(n) for many n: `hash(n)` returns SHA-256(prefix + n) as 8
     words (the same array each time). After the constant midstate, the rest of the prefix, the digits and
     the padding make one or two blocks (`tail`, 128 bytes); the first block's words that hold
     only prefix bytes are the same for every n, so its first rounds over them are done once
     too. The layout (where the digits, the 0x80 byte and the length go) changes only when
     the number of digits does. Nothing is allocated per candidate. */
  function Hasher(prefix) {
    var start = midstate(prefix);
    var rest = start.rest.length;  // 0 … 63 bytes of the prefix in the tail
    var fixed = rest >> 2;  // words of the first tail block that hold only prefix bytes
    var tail = new Uint8Array(128);
    tail.set(start.rest);
    var w1 = new Int32Array(64), w2 = new Int32Array(64);
    var early = new Int32Array(8);  // the working variables after the `fixed` rounds
    var between = new Int32Array(8);  // the state after the first tail block
    var digest = new Int32Array(8);
    var digits = 0, blocks = 1;
    var lowest = 0, above = 0;  // the numbers with `digits` digits: lowest … above - 1

    pack(w1, tail, 0, 0, fixed);
    early.set(start.state);
    rounds(early, w1, 0, fixed);

    function layout(count) {
      digits = count;
      var end = rest + count;  // the 0x80 byte goes here
      blocks = end + 9 <= 64 ? 1 : 2;
      tail.fill(0, end);
      tail[end] = 0x80;
      var bits = (prefix.length + count) * 8;  // < 2 ** 53: the high word is bits / 2 ** 32
      var last = blocks * 64;
      var high = Math.floor(bits / 4294967296), low = bits >>> 0;
      tail[last - 8] = high >>> 24; tail[last - 7] = high >>> 16;
      tail[last - 6] = high >>> 8; tail[last - 5] = high;
      tail[last - 4] = low >>> 24; tail[last - 3] = low >>> 16;
      tail[last - 2] = low >>> 8; tail[last - 1] = low;
      pack(w1, tail, 0, fixed, 16);
      if (blocks === 2) { pack(w2, tail, 64, 0, 16); }
    }

    function hash(n) {
      if (n < lowest || n >= above) {  // a number with another count of digits
        var count = 1;
        for (lowest = 0, above = 10; n >= above; above *= 10) { lowest = above; count += 1; }
        layout(count);
      }
      var end = rest + digits;
      for (var i = end - 1, m = n; i >= rest; i -= 1) {  // the digits, last first
        var next = Math.floor(m / 10);
        tail[i] = 48 + (m - next * 10);
        m = next;
      }
      var first = rest >> 2, after = ((end - 1) >> 2) + 1;  // the words that hold digits
      if (after <= 16) {
        pack(w1, tail, 0, first, after);
      } else {
        pack(w1, tail, 0, first, 16);
        pack(w2, tail, 64, 0, after - 16);
      }
      return finish();
    }

    /* SHA-256(prefix) itself, without a number (for the test vectors). */
    function plain() {
      layout(0);
      lowest = above = 0;  // the next hash(n) lays out its digits again
      return finish();
    }

    /* The last rounds over the tail as it is now laid out and filled in. */
    function finish() {
      digest.set(early);
      rounds(digest, w1, fixed, 64);
      var k;
      for (k = 0; k < 8; k += 1) { digest[k] = (digest[k] + start.state[k]) | 0; }
      if (blocks === 2) {
        between.set(digest);
        rounds(digest, w2, 0, 64);
        for (k = 0; k < 8; k += 1) { digest[k] = (digest[k] + between[k]) | 0; }
      }
      return digest;
    }

    return { hash: hash, plain: plain };
  }

  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  function hex(words) {
    var out = "";
    for (var i = 0; i < words.length; i += 1) {
      out += ("0000000" + (words[i] >>> 0).toString(16)).slice(-8);
    }
    return out;
  }

  // The search ---------------------------------------------------------------------------------

  /* The number that solves `data` (the challenge JSON of the page), or null when none does
     (or the challenge is not a SHA-256 one: the server issues no other). Runs `slice`
     milliseconds at a time, awaiting `pause()` in between; without `pause`, all at once. */
  async function search(data, slice, pause) {
    var challenge = String(data.challenge).toLowerCase();
    if (data.algorithm !== "SHA-256" || !/^[0-9a-f]{64}$/.test(challenge)) { return null; }
    var target = new Int32Array(8);
    for (var i = 0; i < 8; i += 1) { target[i] = parseInt(challenge.substr(i * 8, 8), 16) | 0; }
    var most = Number(data.maxnumber);
    if (!(most >= 0 && most <= Number.MAX_SAFE_INTEGER)) { return null; }
    var hasher = Hasher(utf8(String(data.salt)));
    var hash = hasher.hash;
    var n = 0;
    while (n <= most) {
      // Each slice in a task of its own, the first too: not in the task that loads the page.
      if (pause) { await pause(); }
      var until = pause ? scope.performance.now() + slice : Infinity;
      do {  // the clock is read once per 64 numbers
        var stop = Math.min(most, n + 63);
        for (; n <= stop; n += 1) {
          var digest = hash(n);
          if (digest[0] === target[0] && digest[1] === target[1] && digest[2] === target[2] &&
              digest[3] === target[3] && digest[4] === target[4] && digest[5] === target[5] &&
              digest[6] === target[6] && digest[7] === target[7]) {
            return n;
          }
        }
      } while (n <= most && (!pause || scope.performance.now() < until));
    }
    return null;
  }

  // For the tests (tests/browser/test_proof_of_work_hash.py): the hex SHA-256 of the text
  // `prefix` followed by the decimal number `n` (none when n is null), and the search.
  scope.vwProofOfWork = {
    sha256: function (prefix, n) {
      var hasher = Hasher(utf8(String(prefix)));
      return hex(n === null ? hasher.plain() : hasher.hash(n));
    },
    search: search
  };

  // In the worker: answer each challenge with {number: n or null}, or {failed: true}.
  if (typeof scope.document === "undefined") {
    scope.onmessage = function (event) {
      search(event.data, 0, null).then(function (number) {
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
  // Milliseconds of hashing per task on the page: short, even if a slow phone only reads the
  // clock every few milliseconds.
  var PAGE_SLICE = 8;

  // A new task after each slice, so the page can paint and answer the melder in between:
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
    return search(data, PAGE_SLICE, pause);
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

  if (scope.TextEncoder && scope.Int32Array && scope.performance) {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-challenge]"), guard);
  }

  var errors = document.getElementById("vw-errors");
  if (errors) { errors.focus(); }
})(self);
