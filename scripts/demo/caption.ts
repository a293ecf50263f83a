import type { BrowserContext, Page } from '@playwright/test';

// The caption is drawn by a script the demo adds to every document of the context (CDP, so the
// portal's CSP does not apply to it) and styled through CSSOM only: the portal's CSP allows no
// inline <style> element. It lives in the top layer (a manual popover), so it stays above the
// confirmation dialogs, never takes a click (pointer-events: none) and is hidden from assistive
// technology (aria-hidden): it is for people watching, not part of the page.
// Written as strings, not functions: tsx may add helpers to a function's source that the page lacks.
const DEFINE_RENDER = `
if (typeof window.__demoRenderCaption !== 'function') window.__demoRenderCaption = (text) => {
  const ID = 'demo-caption';
  let box = document.getElementById(ID);
  if (!text) { if (box) box.remove(); return; }
  if (!document.body) return;
  if (!box) {
    box = document.createElement('div');
    box.id = ID;
    box.setAttribute('aria-hidden', 'true');
    box.setAttribute('data-demo-caption', '');
    const s = box.style;
    // In the margin at the start of the line beside the portal's centred column (at 1280 px wide), clear
    // of its buttons: the left one, the right one right to left (a logical inset, the page's direction).
    s.position = 'fixed'; s.inset = 'auto'; s.insetInlineStart = '16px'; s.bottom = '16px'; s.margin = '0';
    s.width = 'min(290px, calc(100vw - 32px))'; s.boxSizing = 'border-box';
    s.padding = '12px 16px'; s.borderRadius = '10px'; s.border = '3px solid #facc15';
    s.background = 'rgba(17, 24, 39, 0.94)'; s.color = '#ffffff';
    s.font = '600 17px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif';
    s.boxShadow = '0 6px 24px rgba(0, 0, 0, 0.35)'; s.zIndex = '2147483647'; s.pointerEvents = 'none';
    s.overflow = 'visible';
    if (typeof box.showPopover === 'function') box.setAttribute('popover', 'manual');
    document.body.appendChild(box);
  }
  box.textContent = text;
  if (typeof box.showPopover === 'function') {
    // Showing again moves it to the top of the top layer, above a dialog opened since.
    try { if (box.matches(':popover-open')) box.hidePopover(); box.showPopover(); } catch (e) { /* not in a document yet */ }
  }
};
`;
const DRAW_ON_LOAD = `
const __demoCaptionOnLoad = () => {
  if (typeof window.__demoCaptionText !== 'function') return;
  window.__demoCaptionText().then((text) => window.__demoRenderCaption(text), () => {});
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', __demoCaptionOnLoad, { once: true });
else __demoCaptionOnLoad();
`;

/** An on-page caption for each step, kept across navigations (and on the user pool's own pages). */
export class Captions {
  private text = '';

  private constructor() {}

  static async install(context: BrowserContext): Promise<Captions> {
    const captions = new Captions();
    // Each new document asks for the current caption as soon as it has a body.
    await context.exposeBinding('__demoCaptionText', () => captions.text);
    await context.addInitScript({ content: DEFINE_RENDER + DRAW_ON_LOAD });
    return captions;
  }

  async show(page: Page, text: string): Promise<void> {
    this.text = text;
    await this.redraw(page);
  }

  /** Draws the current caption again (after a navigation, or to lift it above a dialog just opened). */
  async redraw(page: Page): Promise<void> {
    // Defined here too for a document that began before the init script (the page's first, blank
    // one), so the first caption shows from the start of the recording. A page in the middle of
    // navigating has no document to draw in; the next one draws it on load.
    await page.evaluate(`${DEFINE_RENDER}\nwindow.__demoRenderCaption(${JSON.stringify(this.text)});`).catch(() => undefined);
  }
}
