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
  // The host app's language, which the view then speaks (here from this page's own ?lang=, e.g. de).
  if (params.get('lang')) src.searchParams.set('lang', params.get('lang'));
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

  // The words this page shows about the portal, in one place. `{origin}` etc. are filled in below.
  var MESSAGES = {
    notAllowed: 'The portal at {portalUrl} does not allow this page ({origin}) to embed it, so the frame below stays empty. Set {variable} for the portal and restart it, e.g.',
    notAllowedCommand: '{variable}={origin} npm start',
    notAllowedList: 'Origins it allows now: {listed}. The variable takes several, separated by commas.',
    unreachable: 'No portal answers at {portalUrl}. Start it with this page allowed:',
    unreachableCommand: 'EMBED_ALLOWED_ORIGINS={origin} npm start',
    elsewhere: 'If it runs at another address, restart this page with',
    elsewhereCommand: 'npm run example-host -- --portal <the portal\'s URL>',
  };
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }
  function paragraph(text, code) {
    var p = document.createElement('p');
    p.textContent = text;
    if (code) {
      var c = document.createElement('code');
      c.textContent = code;
      p.append(' ', c);
    }
    return p;
  }

  // The portal's frame-ancestors cannot be read from here; this page's server asks the portal.
  var problem = document.getElementById('portal-problem');
  fetch('/portal-check?origin=' + encodeURIComponent(location.origin), { cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (result) {
      if (!result || result.status === 'allowed') return;
      if (result.status === 'not-allowed') {
        problem.append(paragraph(fill(MESSAGES.notAllowed, result), fill(MESSAGES.notAllowedCommand, result)));
        if (result.listed && result.listed.length > 0) problem.append(paragraph(fill(MESSAGES.notAllowedList, { listed: result.listed.join(', ') })));
      } else {
        problem.append(paragraph(fill(MESSAGES.unreachable, result), fill(MESSAGES.unreachableCommand, result)));
        problem.append(paragraph(MESSAGES.elsewhere, MESSAGES.elsewhereCommand));
      }
    })
    .catch(function () { /* this page's own server is gone: nothing more to say */ });

  function send(message) {
    frame.contentWindow.postMessage(message, portalOrigin);
  }
  document.getElementById('light').onclick = function () { send({ type: 'set-theme', theme: 'light' }); };
  document.getElementById('dark').onclick = function () { send({ type: 'set-theme', theme: 'dark' }); };
  document.getElementById('accent').onclick = function () { send({ type: 'set-theme', accent: '#047857' }); };
})();
