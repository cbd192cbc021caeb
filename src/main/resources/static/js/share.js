// The share sheet's two conveniences, both optional: the page works without them (links
// are plain, URLs selectable). "Copy" puts a link on the clipboard; "Share…" opens the
// browser's own share dialog (Web Share API) where the browser has one.
(function () {
  var shareRow = document.getElementById('web-share-row');
  var share = document.getElementById('web-share');
  if (share && shareRow && navigator.share) {
    shareRow.hidden = false;
    share.addEventListener('click', function () {
      navigator.share({ title: share.getAttribute('data-title'), url: share.getAttribute('data-url') })
        .catch(function () { /* dismissed */ });
    });
  }

  function copied(button) {
    var label = button.textContent;
    button.textContent = button.getAttribute('data-copied') || 'Copied';
    setTimeout(function () { button.textContent = label; }, 1500);
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.addEventListener('click', function () {
      var input = document.getElementById(button.getAttribute('data-copy'));
      if (!input) { return; }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(function () { copied(button); }, function () {
          input.select();
        });
      } else {
        input.select();
        try { document.execCommand('copy'); copied(button); } catch (e) { /* selected: copy by hand */ }
      }
    });
  });
}());
