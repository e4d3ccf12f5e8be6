/* global window, document */
// The host side of the demo pages: logs every madeto-* event the widgets send (an embedder's
// analytics would do the same). Kept in a file so the strict-CSP page can load it too.
window.hostEvents = [];
[
  'madeto-ready',
  'madeto-change',
  'madeto-price',
  'madeto-promise',
  'madeto-submit',
  'madeto-submitted',
  'madeto-error',
].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var target = event.target;
    window.hostEvents.push({ type: type, id: target && target.id, detail: event.detail });
    var log = document.getElementById('events');
    if (log) {
      var item = document.createElement('li');
      item.textContent = type + ' from #' + (target && target.id);
      log.append(item);
    }
  });
});
