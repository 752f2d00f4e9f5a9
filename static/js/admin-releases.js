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

        // Select-all and by-time-zone presets (hidden without this script).
        var presets = form.querySelector("[data-region-presets]");
        if (presets) {
            presets.hidden = false;
            presets.addEventListener("click", function (event) {
                var button = event.target.closest("[data-select-regions]");
                if (!button) {
                    return;
                }
                var wanted = button.dataset.selectRegions;
                var codes = wanted.split(" ");
                regions.forEach(function (input) {
                    if (wanted === "all") {
                        input.checked = true;
                    } else if (wanted === "none") {
                        input.checked = false;
                    } else {
                        input.checked = codes.indexOf(regionCode(input)) !== -1;
                    }
                });
                update();
            });
        }

        function regionCode(input) {
            var row = form.querySelector('[data-region-row="' + input.value + '"]');
            return row ? row.dataset.regionCode : "";
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
