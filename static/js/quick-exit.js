/* Quick exit: "Leave this site" without a trace in the back button.
 *
 * Without JavaScript the link simply goes to the neutral site. With it, the
 * current history entry is replaced (location.replace), so Back does not
 * return here, and pressing Escape twice within a second leaves from
 * anywhere on the page. No inline script: the CSP allows only this file.
 */
(function () {
    "use strict";
    var link = document.querySelector("[data-quick-exit]");
    if (!link) {
        return;
    }
    var hint = document.getElementById("quick-exit-hint");
    if (hint) {
        link.setAttribute("aria-describedby", hint.id);
    }
    function leave(event) {
        if (event) {
            event.preventDefault();
        }
        document.documentElement.hidden = true;
        window.location.replace(link.href);
    }
    link.addEventListener("click", leave);
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        var now = Date.now();
        if (now - lastEscape < 1000) {
            leave(event);
        } else {
            lastEscape = now;
        }
    });
})();
