import type { Frame, Page } from '@playwright/test';

/**
 * The visible text of a page (or of a frame, such as the embedded view's) that did not come through
 * the catalogs of the pseudo-locale (en-XA): every text node shown that is not bracketed and
 * accented, so a hard-coded string stands out. Not counted: a person's own words (marked
 * translate="no"), Intl's dates (in <time>), and text of numbers, punctuation and symbols only.
 */
export async function untranslatedText(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!text || /^[\p{N}\p{P}\p{S}\s]*$/u.test(text)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest('[translate="no"], time, script, style, noscript, template, option')) continue;
      const style = getComputedStyle(parent);
      const visible = parent.checkVisibility?.() ?? true;
      if (!visible || style.visibility === 'hidden') continue;
      // A pseudo-translated message is bracketed and accented: "[Šîğñ öûţ ļöŕéɱ]".
      if (/[àƀçđéƒğĥîĵķļɱñöƥǫŕšţûṽŵẋýžÀƁÇĐÉƑĞĤÎĴĶĻṀÑÖƤǪŔŠŢÛṼŴẊÝŽ]/.test(text)) continue;
      found.push(text);
    }
    return found;
  });
}
