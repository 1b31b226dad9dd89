// The call room: joins with the camera and microphone, and shows the other side. Our server speaks to Cloudflare
// Calls for the page: joining publishes this browser's tracks in a session of its own (its SDP offer answered);
// once the other side is in the room, pulling their tracks gives an SDP offer this browser answers.
(function () {
  "use strict";
  var form = document.querySelector("[data-call-join]");
  if (!form || !window.fetch || !window.RTCPeerConnection || !navigator.mediaDevices) {
    return;
  }
  var note = document.querySelector("[data-needs-script]");
  var status = document.querySelector("[data-call-status]");
  var local = document.querySelector("[data-call-local]");
  var remote = document.querySelector("[data-call-remote]");
  var csrf = form.querySelector("input[type=hidden]");
  var button = form.querySelector("button[type=submit]");
  var room = form.getAttribute("data-room-url");
  var failure = "The call did not work. Try again in a moment.";
  if (note) {
    note.hidden = true;
  }
  form.hidden = false;

  function say(text) {
    status.textContent = text;
  }

  function call(method, path, body) {
    var headers = { "Accept": "application/json", "X-CSRF-TOKEN": csrf.value };
    if (body) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(room + path, { method: method, credentials: "same-origin", headers: headers,
      body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (problem) {
          throw new Error((problem && problem.detail) || failure);
        }, function () {
          throw new Error(failure);
        });
      }
      return response.status === 204 ? null : response.json();
    });
  }

  function pullOtherSide(peer) {
    return call("POST", "/pull").then(function (pulled) {
      return peer.setRemoteDescription({ type: "offer", sdp: pulled.sdp });
    }).then(function () {
      return peer.createAnswer();
    }).then(function (answer) {
      return peer.setLocalDescription(answer).then(function () {
        return call("POST", "/answer", { sdp: answer.sdp });
      });
    }).then(function () {
      say("You are in the call.");
    });
  }

  function waitForOtherSide(peer) {
    say("You are in the room. Waiting for the other side to join…");
    var timer = window.setInterval(function () {
      call("GET", "/other-side").then(function (other) {
        if (other.joined) {
          window.clearInterval(timer);
          pullOtherSide(peer).catch(function (error) {
            say(error.message || failure);
          });
        }
      }, function () {
        // a missed poll is tried again at the next tick
      });
    }, 3000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    say("Asking for your camera and microphone…");
    var peer = new RTCPeerConnection({ iceServers: [{ urls: "stun:stun.cloudflare.com:3478" }], bundlePolicy: "max-bundle" });
    var incoming = new MediaStream();
    var transceivers = [];
    peer.ontrack = function (event) {
      incoming.addTrack(event.track);
      remote.srcObject = incoming;
      remote.hidden = false;
    };
    navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (stream) {
      local.srcObject = stream;
      local.hidden = false;
      stream.getTracks().forEach(function (track) {
        transceivers.push(peer.addTransceiver(track, { direction: "sendonly" }));
      });
      return peer.createOffer();
    }).then(function (offer) {
      return peer.setLocalDescription(offer).then(function () {
        say("Joining the room…");
        return call("POST", "/session", { sdp: offer.sdp, tracks: transceivers.map(function (transceiver) {
          return { mid: transceiver.mid, kind: transceiver.sender.track.kind };
        }) });
      });
    }).then(function (joined) {
      return peer.setRemoteDescription({ type: "answer", sdp: joined.answerSdp }).then(function () {
        if (joined.otherSideJoined) {
          return pullOtherSide(peer);
        }
        waitForOtherSide(peer);
      });
    }).catch(function (error) {
      button.disabled = false;
      peer.close();
      say(error && error.message ? error.message : failure);
    });
  });
})();
