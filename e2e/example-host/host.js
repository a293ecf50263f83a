// The example host: embeds the portal's /embed/security, sizes the iframe from `resize` messages,
// and lists every message it receives. Configured by the server (window.EXAMPLE_HOST).
(function () {
  var config = window.EXAMPLE_HOST;
  var portalOrigin = new URL(config.portalUrl).origin;
  var params = new URLSearchParams(location.search);
  var src = new URL('/embed/security', portalOrigin);
  src.searchParams.set('host', location.origin);
  src.searchParams.set('theme', params.get('theme') || 'light');
  if (params.get('accent')) src.searchParams.set('accent', params.get('accent'));
  var frame = document.getElementById('portal');
  // A test aid: ?noWebAuthnDelegation=1 frames the view without the allow attribute, as a host
  // that forgot it (or a browser that refuses passkeys in iframes) would.
  if (params.get('noWebAuthnDelegation') === '1') frame.removeAttribute('allow');
  frame.src = src.toString();
  var list = document.getElementById('events');

  window.addEventListener('message', function (event) {
    // Only the portal's messages, and only those in the documented shape.
    if (event.origin !== portalOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.source !== 'cognito-security-portal' || data.version !== 1) return;
    if (data.type === 'resize' && typeof data.height === 'number') frame.style.height = data.height + 'px';
    var item = document.createElement('li');
    item.dataset.type = data.type;
    item.textContent = data.type + ' ' + JSON.stringify(data);
    list.appendChild(item);
  });

  function send(message) {
    frame.contentWindow.postMessage(message, portalOrigin);
  }
  document.getElementById('light').onclick = function () { send({ type: 'set-theme', theme: 'light' }); };
  document.getElementById('dark').onclick = function () { send({ type: 'set-theme', theme: 'dark' }); };
  document.getElementById('accent').onclick = function () { send({ type: 'set-theme', accent: '#047857' }); };
})();
