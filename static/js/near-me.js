// "Near me" on the search form: where the browser can share its position, fill the hidden lat/lng
// fields, sort by distance and submit. Without JavaScript (or permission) the city filter does the job.
(function () {
  var button = document.getElementById("near-me");
  var form = document.getElementById("search-form");
  if (!button || !form || !("geolocation" in navigator)) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.elements.lat.value = pos.coords.latitude.toFixed(4);
      form.elements.lng.value = pos.coords.longitude.toFixed(4);
      form.elements.sort.value = "distance";
      form.requestSubmit ? form.requestSubmit() : form.submit();
      button.disabled = false;
    }, function () {
      button.disabled = false;
    }, { maximumAge: 600000, timeout: 10000 });
  });
})();
