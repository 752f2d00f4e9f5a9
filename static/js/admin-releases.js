// Rollout form: show the fields of the chosen timing, and the per-region
// fields of the chosen regions only. A file, not inline script, so the admin
// keeps its strict Content-Security-Policy; without it every field shows.
(function () {
    "use strict";

    function start(form) {
        var modes = form.querySelectorAll("input[data-rollout-mode]");
        var regions = form.querySelectorAll("input[data-rollout-region]");

        function update() {
            var mode = "";
            modes.forEach(function (input) {
                if (input.checked) {
                    mode = input.value;
                }
            });
            form.querySelectorAll("[data-mode-section]").forEach(function (section) {
                section.hidden = Boolean(mode) && section.dataset.modeSection !== mode;
            });
            var chosen = {};
            regions.forEach(function (input) {
                if (input.checked) {
                    chosen[input.value] = true;
                }
            });
            form.querySelectorAll("[data-region-row]").forEach(function (row) {
                row.hidden = !chosen[row.dataset.regionRow];
            });
        }

        form.addEventListener("change", update);
        update();
    }

    function ready() {
        document.querySelectorAll("form[data-rollout-form]").forEach(start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", ready);
    } else {
        ready();
    }
})();
