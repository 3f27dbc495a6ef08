// On every page, where JavaScript runs: registers the service worker (/sw.js: offline page, push notifications)
// and offers to install the app politely — never on a first visit, only when the browser says it can, and not
// again once dismissed. Without JavaScript, or without service workers, the site works exactly the same.
(function () {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js").catch(function () {});

  var store = window.localStorage;
  var visits = 0;
  try {
    visits = Number(store.getItem("khadamat-visits") || 0) + 1;
    store.setItem("khadamat-visits", String(visits));
  } catch (e) { return; }

  window.addEventListener("beforeinstallprompt", function (event) {
    var banner = document.getElementById("install-banner");
    if (!banner || visits < 3 || store.getItem("khadamat-install-dismissed")) return;
    event.preventDefault();
    banner.hidden = false;
    banner.querySelector("[data-install]").addEventListener("click", function () {
      banner.hidden = true;
      event.prompt();
    });
    banner.querySelector("[data-dismiss]").addEventListener("click", function () {
      banner.hidden = true;
      store.setItem("khadamat-install-dismissed", "1");
    });
  });
})();
