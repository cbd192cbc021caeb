// Ticks the group page's countdown once a second; without it the server-rendered time shows.
(function () {
  var el = document.getElementById('countdown');
  if (!el) { return; }
  var left = parseInt(el.getAttribute('data-seconds'), 10);
  if (isNaN(left)) { return; }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function show() {
    el.textContent = Math.floor(left / 3600) + ':' + pad(Math.floor(left % 3600 / 60)) + ':' + pad(left % 60);
  }
  var timer = setInterval(function () {
    left = Math.max(0, left - 1);
    show();
    if (left === 0) { clearInterval(timer); }
  }, 1000);
}());
