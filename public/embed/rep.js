/* global window, document */
// The rep page's sign-in: hands the token to the widget from JavaScript (never as markup).
// `Madeto('mount', …)` is queued by the loader until the app is there, and updates a mounted
// widget.
document.getElementById('sign-in').addEventListener('submit', function (event) {
  event.preventDefault();
  var token = document.getElementById('token').value;
  window.Madeto('mount', document.getElementById('rep'), { rep: { token: token } });
});
