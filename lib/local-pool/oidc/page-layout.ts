const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

// System colours and fonts keep the page legible in light and dark mode, at any zoom,
// and in forced-colours mode, without any script (the CSP allows none inline).
const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #4b5563; --bg: #f4f5f7; --card: #fff; --line: #8a919c; --accent: #1d4ed8; --accent-fg: #fff; --error-bg: #fdecec; --error-fg: #8a1c1c; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8eaed; --muted: #b4bac4; --bg: #111418; --card: #1b1f25; --line: #7b8390; --accent: #8ab4ff; --accent-fg: #0b1220; --error-bg: #3a1515; --error-fg: #ffc9c9; }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1rem; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: 100%; max-width: 24rem; background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
p { margin: 0 0 1rem; }
.lead { color: var(--muted); }
.alert { background: var(--error-bg); color: var(--error-fg); border-left: 4px solid currentColor; padding: 0.75rem; border-radius: 0.25rem; font-weight: 600; }
label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
input { width: 100%; font: inherit; padding: 0.5rem 0.625rem; color: var(--fg); background: var(--card); border: 1px solid var(--line); border-radius: 0.375rem; }
input[aria-invalid="true"] { border-color: var(--error-fg); }
button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: 0.625rem; border: 0; border-radius: 0.375rem; background: var(--accent); color: var(--accent-fg); cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button.secondary { margin-top: 0; background: transparent; color: var(--fg); border: 1px solid var(--line); }
button:disabled { cursor: not-allowed; opacity: 0.6; }
.divider { display: flex; align-items: center; gap: 0.75rem; margin: 1.25rem 0 1rem; color: var(--muted); }
.divider::before, .divider::after { content: ""; flex: 1; border-top: 1px solid var(--line); }
.hint { color: var(--muted); font-size: 0.875rem; margin: 0.5rem 0 0; }
a { color: var(--accent); }
`;

/** A whole page: language, title and one `<main>` holding `body` (already escaped HTML). */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} – Local user pool</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
