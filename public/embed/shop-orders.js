/* global document */
// The shop's side of `submit="event"`: the widget hands a quote request over as a `madeto-submit`
// event, and the page must answer it, or the buyer sees "Sending…" until the widget gives up
// (30 s) and reports a failure. Answer with `respond({ number })` once the request is kept (the
// number is shown to the buyer with the thank-you), or `fail(message, { retryable })`.
// A real shop sends `detail.payload` to its own backend here (e.g. `fetch('/shop/quotes', …)`) and
// answers with what the backend says; this demo keeps the requests in the tab (sessionStorage).
document.addEventListener('madeto-submit', function (event) {
  var detail = event.detail;
  // With `submit="/url"` or a function, `madeto-submit` is only a notification: nothing to answer.
  if (!detail || typeof detail.respond !== 'function') return;
  var payload = detail.payload;
  try {
    var kept = JSON.parse(sessionStorage.getItem('shop-quote-requests') || '[]');
    // A resent request (the widget retries with the same idempotency key) gets the same number.
    var index = kept.findIndex(function (p) {
      return p.idempotencyKey === payload.idempotencyKey;
    });
    if (index < 0) {
      kept.push(payload);
      sessionStorage.setItem('shop-quote-requests', JSON.stringify(kept));
      index = kept.length - 1;
    }
    var number = 'SHOP-' + String(index + 1).padStart(4, '0');
    var list = document.getElementById('requests');
    if (list) {
      var item = document.createElement('li');
      item.textContent = number + ': ' + payload.lines.length + ' line(s), ' + payload.kind;
      list.append(item);
    }
    detail.respond({ number: number });
  } catch (error) {
    detail.fail('the shop could not keep the request: ' + (error && error.message), {
      retryable: true,
    });
  }
});
