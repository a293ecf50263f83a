import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** One message of a catalog, as the portal ships it (messages/<locale>/<namespace>.json). */
export function catalogMessage(locale: string, namespace: string, key: string): string {
  const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'messages', locale, `${namespace}.json`), 'utf8')) as Record<string, string>;
  const message = catalog[key];
  if (typeof message !== 'string') throw new Error(`No message ${namespace}.${key} in ${locale}`);
  return message;
}

/** The footer's language menu: a select of languages (each in its own name) and a button that remembers the choice. */
export class LanguageMenu {
  readonly form: Locator;
  readonly select: Locator;
  readonly apply: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId('language-menu');
    this.select = this.form.getByRole('combobox');
    this.apply = this.form.getByRole('button');
  }

  /** Chooses a language by its own name ("Deutsch") and waits for the page to come back in it. */
  async choose(ownName: string, locale: string) {
    await this.select.selectOption({ label: ownName });
    await this.apply.click();
    await this.expectPageIn(locale);
  }

  async expectPageIn(locale: string) {
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
    await expect(this.page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  }
}
