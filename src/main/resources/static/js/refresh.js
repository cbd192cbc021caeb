// Reloads a page that is waiting for something (a payment to be confirmed) every few seconds,
// as long as it is shown. A script, not <meta http-equiv=refresh>: a timed refresh the visitor
// cannot stop fails accessibility (WCAG 2.2.1); the page keeps a manual refresh link.
(function () {
  var el = document.querySelector('[data-refresh-seconds]');
  if (!el) return;
  var seconds = parseInt(el.getAttribute('data-refresh-seconds'), 10) || 2;
  setTimeout(function () { if (!document.hidden) location.reload(); else document.addEventListener('visibilitychange', function () { location.reload(); }, { once: true }); }, seconds * 1000);
})();
