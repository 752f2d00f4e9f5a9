// Wagtail renders its date and time pickers with an inline <script>; our
// templates render the same configuration as JSON instead (see
// home/templates/wagtailadmin/widgets/), and this file starts the pickers,
// so the admin needs no 'unsafe-inline' in its Content-Security-Policy.
(function () {
    "use strict";
    var starters = {
        datetime: "initDateTimeChooser",
        date: "initDateChooser",
        time: "initTimeChooser",
    };

    function start(root) {
        var nodes = root.querySelectorAll("script[data-date-chooser]:not([data-started])");
        nodes.forEach(function (node) {
            var starter = window[starters[node.dataset.dateChooser]];
            if (typeof starter !== "function") {
                return;
            }
            node.dataset.started = "true";
            starter(node.dataset.target, JSON.parse(node.textContent));
        });
    }

    function watch() {
        start(document);
        new MutationObserver(function (changes) {
            changes.forEach(function (change) {
                change.addedNodes.forEach(function (added) {
                    if (added.nodeType === Node.ELEMENT_NODE) {
                        start(added.parentNode || added);
                    }
                });
            });
        }).observe(document.body, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", watch);
    } else {
        watch();
    }
})();
