/* Kretslopp default theme: Rust's hidden lines (`# fn main() {`), deferred, on pages that have
   them. The build keeps each hidden line in <span class="boring">, as mdBook writes it, so without
   JavaScript the reader sees the whole program. Here each code block with hidden lines hides them
   and gets a toggle button (aria-pressed) that shows them again; copying the text takes them
   too, as the program needs them. */
(function () {
  "use strict";

  var script = document.currentScript;
  var label = (script && script.getAttribute("data-text-show")) || "Show hidden lines";

  Array.prototype.forEach.call(document.querySelectorAll("pre > code"), function (code) {
    if (!code.querySelector(".boring")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "hidden-lines";
    button.textContent = label;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var shown = code.classList.toggle("hide-boring") === false;
      button.setAttribute("aria-pressed", shown ? "true" : "false");
    });
    code.classList.add("hide-boring");
    code.parentNode.parentNode.insertBefore(button, code.parentNode);
  });
})();
