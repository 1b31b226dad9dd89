// The call room: joins with the camera and microphone. The browser's SDP offer goes to our server, which opens a
// Cloudflare Calls session for it and answers with Cloudflare's SDP answer; the media then flows to Cloudflare.
(function () {
  "use strict";
  var form = document.querySelector("[data-call-join]");
  if (!form || !window.fetch || !window.RTCPeerConnection || !navigator.mediaDevices) {
    return;
  }
  var note = document.querySelector("[data-needs-script]");
  var status = document.querySelector("[data-call-status]");
  var local = document.querySelector("[data-call-local]");
  var csrf = form.querySelector("input[type=hidden]");
  var button = form.querySelector("button[type=submit]");
  if (note) {
    note.hidden = true;
  }
  form.hidden = false;

  function say(text) {
    status.textContent = text;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    say("Asking for your camera and microphone…");
    var peer = new RTCPeerConnection({ iceServers: [{ urls: "stun:stun.cloudflare.com:3478" }], bundlePolicy: "max-bundle" });
    navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (stream) {
      local.srcObject = stream;
      local.hidden = false;
      stream.getTracks().forEach(function (track) {
        peer.addTransceiver(track, { direction: "sendonly" });
      });
      return peer.createOffer();
    }).then(function (offer) {
      return peer.setLocalDescription(offer).then(function () {
        say("Joining the room…");
        return fetch(form.getAttribute("data-session-url"), {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-TOKEN": csrf.value },
          body: JSON.stringify({ sdp: offer.sdp })
        });
      });
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (problem) {
          throw new Error((problem && problem.detail) || "Joining did not work. Try again in a moment.");
        }, function () {
          throw new Error("Joining did not work. Try again in a moment.");
        });
      }
      return response.json();
    }).then(function (joined) {
      return peer.setRemoteDescription({ type: "answer", sdp: joined.answerSdp }).then(function () {
        say(joined.otherSession ? "You are in the room, and so is the other side." : "You are in the room. Waiting for the other side to join.");
      });
    }).catch(function (error) {
      button.disabled = false;
      peer.close();
      say(error && error.message ? error.message : "Joining did not work. Try again in a moment.");
    });
  });
})();
