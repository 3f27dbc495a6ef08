// The notification settings page: "turn on push for this device". Needs JavaScript, a service worker and the
// Push API; without them the button stays hidden and the page works as before (email and in-app notices).
(function () {
  var box = document.querySelector("[data-push-key]");
  var status = document.getElementById("push-status");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
  if (Notification.permission === "denied") {
    status.textContent = box.dataset.pushDenied;
    return;
  }
  box.hidden = false;

  function bytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  document.getElementById("push-enable").addEventListener("click", function () {
    var button = this;
    button.disabled = true;
    Notification.requestPermission()
      .then(function (permission) {
        if (permission !== "granted") throw new Error("denied");
        return navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; });
      })
      .then(function (registration) {
        return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(box.dataset.pushKey) });
      })
      .then(function (subscription) {
        var json = subscription.toJSON();
        var form = new URLSearchParams();
        form.set("csrf_token", document.querySelector("input[name=csrf_token]").value);
        form.set("endpoint", json.endpoint);
        form.set("p256dh", json.keys.p256dh);
        form.set("auth", json.keys.auth);
        return fetch(box.dataset.pushAction, { method: "POST", body: form, credentials: "same-origin" });
      })
      .then(function (response) {
        if (!response.ok) throw new Error("refused");
        window.location.assign(response.url);
      })
      .catch(function (e) {
        button.disabled = false;
        status.textContent = e.message === "denied" ? box.dataset.pushDenied : box.dataset.pushFailed;
      });
  });
})();
