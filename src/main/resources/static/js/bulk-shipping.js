// Bulk shipping: polls the batch's progress, moves the bar and counters in place, reloads once done.
(function () {
  var bar = document.getElementById('batch-progress');
  if (!bar || bar.getAttribute('data-running') !== 'true') return;
  function set(id, v) { document.getElementById(id).textContent = v; }
  function tick() {
    fetch(bar.getAttribute('data-url'), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (b) {
        bar.max = b.total; bar.value = b.done;
        set('batch-done', b.done); set('batch-shipped', b.shipped); set('batch-already', b.alreadyShipped);
        set('batch-failed', b.failed); set('batch-percent', b.percent + '%');
        if (b.status === 'DONE') location.reload(); else setTimeout(tick, 600);
      })
      .catch(function () { setTimeout(tick, 2000); });
  }
  setTimeout(tick, 300);
})();
