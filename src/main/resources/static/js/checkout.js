// Keeps the Pay button's total (and the total the server checks) in step with the chosen
// option and quantity. The page works without this: the server then asks to confirm a
// changed total before charging it.
(function () {
  var form = document.getElementById('checkout');
  if (!form) { return; }
  var shipping = parseInt(form.getAttribute('data-shipping'), 10) || 0;
  var label = document.getElementById('pay-total');
  var expected = document.getElementById('expectedTotal');
  var quantity = document.getElementById('quantity');

  function money(fen) {
    var rest = String(fen % 100);
    return '¥' + Math.floor(fen / 100) + '.' + (rest.length < 2 ? '0' + rest : rest);
  }

  function update() {
    var sku = form.querySelector('input[name=sku]:checked');
    var qty = parseInt(quantity.value, 10);
    if (!sku || !label || !(qty >= 1 && qty <= 999)) { return; }
    var total = parseInt(sku.getAttribute('data-price'), 10) * qty + shipping;
    label.textContent = money(total);
    expected.value = String(total);
  }

  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
}());
