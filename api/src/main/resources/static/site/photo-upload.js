// The photos page, improved: each chosen file goes from the browser straight to the object store through a
// presigned URL (the bytes never pass through our server), with a progress bar, then is confirmed. Without this
// script the page still lets the owner choose the cover, reorder and delete (plain forms).
(function () {
  "use strict";
  var form = document.querySelector("[data-photo-upload]");
  if (!form || !window.fetch || !window.XMLHttpRequest) {
    return;
  }
  var note = document.querySelector("[data-needs-script]");
  var input = form.querySelector("input[type=file]");
  var progressBox = form.querySelector("[data-upload-progress]");
  var progressLabel = form.querySelector("[data-upload-label]");
  var progress = progressBox.querySelector("progress");
  var status = form.querySelector("[data-upload-status]");
  var csrf = form.querySelector("input[type=hidden]");
  var button = form.querySelector("button[type=submit]");
  if (note) {
    note.hidden = true;
  }
  form.hidden = false;

  function problemText(response, fallback) {
    return response.json().then(function (problem) {
      return (problem && problem.detail) || fallback;
    }, function () {
      return fallback;
    });
  }

  function post(url, body) {
    var headers = { "Accept": "application/json", "X-CSRF-TOKEN": csrf.value };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(url, {
      method: "POST", credentials: "same-origin", headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        return problemText(response, "The server refused the upload (" + response.status + ").").then(function (text) {
          throw new Error(text);
        });
      }
      return response.json();
    });
  }

  // fetch() reports no upload progress; XMLHttpRequest does
  function put(ticket, file, onProgress) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open(ticket.method || "PUT", ticket.uploadUrl);
      Object.keys(ticket.headers || {}).forEach(function (name) {
        request.setRequestHeader(name, ticket.headers[name]);
      });
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) {
          onProgress(event.loaded / event.total);
        }
      });
      request.addEventListener("load", function () {
        if (request.status >= 200 && request.status < 300) {
          onProgress(1);
          resolve();
        } else {
          reject(new Error("The photo store refused the file (" + request.status + ")."));
        }
      });
      request.addEventListener("error", function () {
        reject(new Error("The photo store could not be reached. Check your connection and try again."));
      });
      request.send(file);
    });
  }

  function uploadOne(file, index, count) {
    progressLabel.textContent = "Uploading " + file.name + " (" + (index + 1) + " of " + count + ")";
    progress.value = 0;
    return post(form.dataset.startUrl, { contentType: file.type, sizeBytes: file.size })
      .then(function (ticket) {
        return put(ticket, file, function (share) {
          progress.value = Math.round(share * 100);
        }).then(function () {
          return post(form.dataset.confirmUrl + ticket.photoId + "/confirm");
        });
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0) {
      status.textContent = "Choose one or more photos first.";
      input.focus();
      return;
    }
    button.disabled = true;
    progressBox.hidden = false;
    status.textContent = "";
    files.reduce(function (previous, file, index) {
      return previous.then(function () {
        return uploadOne(file, index, files.length);
      });
    }, Promise.resolve()).then(function () {
      status.textContent = files.length === 1 ? "Photo added." : files.length + " photos added.";
      window.location.reload();
    }, function (error) {
      status.textContent = error.message;
      button.disabled = false;
    });
  });
})();
