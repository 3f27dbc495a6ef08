// Picture uploads (forms marked data-upload): a preview of the chosen photo and a progress bar while it is sent.
// Without JavaScript the same forms post as plain multipart forms and the server answers with the page.
(function () {
  function form(el) { return el && el.closest ? el.closest("form[data-upload]") : null; }

  document.addEventListener("change", function (e) {
    var f = form(e.target);
    var preview = f && f.querySelector(".upload-preview");
    if (!preview || e.target.type !== "file") return;
    var file = e.target.files && e.target.files[0];
    if (preview.src.startsWith("blob:")) URL.revokeObjectURL(preview.src);
    preview.hidden = !file;
    if (file) preview.src = URL.createObjectURL(file);
  });

  // Sent with XMLHttpRequest for its upload progress; runs before htmx (capture) and replaces it for this form.
  document.addEventListener("submit", function (e) {
    var f = form(e.target);
    var bar = f && f.querySelector(".upload-progress");
    if (!bar || !window.FormData) return;
    e.preventDefault();
    e.stopPropagation();
    var button = f.querySelector("[type=submit]");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", f.action);
    xhr.upload.onprogress = function (p) {
      if (p.lengthComputable) bar.value = Math.round((p.loaded / p.total) * 100);
    };
    xhr.onload = function () {
      if (xhr.status < 400) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // A refusal: the page the server drew, with its message at the field.
      var page = new DOMParser().parseFromString(xhr.responseText, "text/html");
      document.title = page.title;
      document.body.replaceWith(page.body);
      var error = document.querySelector(".field-error");
      if (error) error.scrollIntoView({ block: "center" });
    };
    xhr.onerror = function () {
      // The network failed: let the browser send the form itself.
      f.submit();
    };
    bar.hidden = false;
    bar.value = 0;
    if (button) button.disabled = true;
    xhr.send(new FormData(f));
  }, true);
})();
