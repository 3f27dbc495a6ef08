// Khadamat's service worker, served at /sw.js (scope "/"). The server writes the list of fingerprinted assets
// and a version made from it into the two placeholders below when it starts (web::assets), so a new asset makes a
// new worker, which installs beside the old one and removes the old caches once it takes over.
//
// What it does, and only this:
// - keeps the site's static files (CSS, scripts, icons: fingerprinted, never changing under one name) and the
//   offline page in each language; serves static files from that cache first;
// - pages go to the network; when the network fails, the offline page in the page's language is shown. No page is
//   ever kept: signed-in pages, forms and anything private never enter a cache;
// - shows push notifications and opens the right page when one is clicked.
"use strict";

const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = "khadamat-" + VERSION;
const OFFLINE = { fr: "/fr/offline", ar: "/ar/offline", en: "/en/offline" };

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.concat(Object.values(OFFLINE))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((n) => n.startsWith("khadamat-") && n !== CACHE).map((n) => caches.delete(n))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode === "navigate") {
    const lang = url.pathname.split("/")[1];
    event.respondWith(
      fetch(request).catch(() => caches.match(OFFLINE[lang] || OFFLINE.fr))
    );
  }
});

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (e) {
    return;
  }
  if (!message.title) return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body || "",
      tag: message.tag,
      lang: message.lang,
      dir: message.lang === "ar" ? "rtl" : "ltr",
      icon: message.icon,
      data: { url: message.url || "/" },
    })
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data.url, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((open) => {
      const same = open.find((c) => c.url === target);
      if (same) return same.focus();
      return self.clients.openWindow(target);
    })
  );
});
