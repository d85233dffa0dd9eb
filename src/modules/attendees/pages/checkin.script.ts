/**
 * The desk's camera scan, served as a same-origin static script (the CSP allows `script-src 'self'`,
 * no inline scripts). Where the browser has `BarcodeDetector` and a camera, a button starts the
 * camera; a QR code read fills the typed-code form and submits it — the same GET the typed code
 * makes, so the page works the same without the script. The words come from data-* attributes.
 */
export const CHECKIN_SCRIPT_SOURCE = `(function () {
  'use strict';
  var scan = document.getElementById('scan');
  var button = document.getElementById('scan-button');
  var video = document.getElementById('scan-video');
  var status = document.getElementById('scan-status');
  var form = document.getElementById('lookup');
  var input = document.getElementById('badge');
  if (!scan || !button || !video || !status || !form || !input) return;
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var stream = null;
  var timer = null;
  var detector;
  try { detector = new window.BarcodeDetector({ formats: ['qr_code'] }); } catch (e) { return; }
  status.textContent = '';
  button.hidden = false;
  function stop() {
    if (timer) { clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    video.hidden = true;
    button.textContent = scan.getAttribute('data-scan-start');
  }
  function found(text) {
    stop();
    input.value = String(text).trim();
    form.submit();
  }
  button.addEventListener('click', function () {
    if (stream) { stop(); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      button.textContent = scan.getAttribute('data-scan-stop');
      return video.play();
    }).then(function () {
      timer = setInterval(function () {
        if (!stream || video.readyState < 2) return;
        detector.detect(video).then(function (codes) {
          for (var i = 0; i < codes.length; i++) {
            if (/FG-?[0-9A-Z]{4}-?[0-9A-Z]{4}/i.test(codes[i].rawValue)) { found(codes[i].rawValue); return; }
          }
        }).catch(function () {});
      }, 250);
    }).catch(function () {
      stop();
      status.textContent = scan.getAttribute('data-scan-denied');
    });
  });
  window.addEventListener('pagehide', stop);
})();
`;
