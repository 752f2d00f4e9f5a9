// Reloads an admin page while a wave of releases is going live: the element
// carrying data-refresh-seconds says how often. A file, not an inline
// script, under the admin's Content-Security-Policy.
(() => {
  const holder = document.querySelector("[data-refresh-seconds]");
  if (!holder) return;
  const seconds = Number(holder.dataset.refreshSeconds) || 10;
  window.setTimeout(() => window.location.reload(), seconds * 1000);
})();
