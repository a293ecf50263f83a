import { expect, type Locator, type Page } from '@playwright/test';
import { e2eEnvironment } from '../support/environment';

/** What the pool's sign-in page says, in one language: the names tests find its controls by. */
export type PoolSignInTexts = {
  lang: string;
  dir: 'ltr' | 'rtl';
  heading: string;
  username: string;
  password: string;
  signIn: string;
  passkey: string;
  forgotPassword: string;
  wrongPassword: string;
  errorTitlePrefix: string;
};

/**
 * The page's words per language, written here from what a reader of that language expects to
 * see (not read from the pool's catalogues), so a catalogue that drifts fails the tests.
 */
export const POOL_SIGN_IN_TEXTS = {
  en: {
    lang: 'en',
    dir: 'ltr',
    heading: 'Sign in',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    passkey: 'Sign in with a passkey',
    forgotPassword: 'Forgot your password?',
    wrongPassword: 'Incorrect username or password.',
    errorTitlePrefix: 'Error: ',
  },
  de: {
    lang: 'de',
    dir: 'ltr',
    heading: 'Anmelden',
    username: 'Benutzername',
    password: 'Passwort',
    signIn: 'Anmelden',
    passkey: 'Mit Passkey anmelden',
    forgotPassword: 'Passwort vergessen?',
    wrongPassword: 'Benutzername oder Passwort ist falsch.',
    errorTitlePrefix: 'Fehler: ',
  },
  fr: {
    lang: 'fr',
    dir: 'ltr',
    heading: 'Se connecter',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    passkey: 'Se connecter avec une clé d’accès',
    forgotPassword: 'Mot de passe oublié ?',
    wrongPassword: 'Nom d’utilisateur ou mot de passe incorrect.',
    errorTitlePrefix: 'Erreur : ',
  },
  ja: {
    lang: 'ja',
    dir: 'ltr',
    heading: 'サインイン',
    username: 'ユーザー名',
    password: 'パスワード',
    signIn: 'サインイン',
    passkey: 'パスキーでサインイン',
    forgotPassword: 'パスワードをお忘れですか?',
    wrongPassword: 'ユーザー名またはパスワードが正しくありません。',
    errorTitlePrefix: 'エラー: ',
  },
  ar: {
    lang: 'ar',
    dir: 'rtl',
    heading: 'تسجيل الدخول',
    username: 'اسم المستخدم',
    password: 'كلمة المرور',
    signIn: 'تسجيل الدخول',
    passkey: 'تسجيل الدخول باستخدام مفتاح المرور',
    forgotPassword: 'هل نسيت كلمة المرور؟',
    wrongPassword: 'اسم المستخدم أو كلمة المرور غير صحيح.',
    errorTitlePrefix: 'خطأ: ',
  },
} as const satisfies Record<string, PoolSignInTexts>;

/** The user pool's hosted sign-in page (the local pool's, standing in for Cognito's). */
export class PoolSignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  /** Managed login's passkey option: a WebAuthn get ceremony, no password. */
  readonly passkeyButton: Locator;
  /** Why the last attempt failed, after the redirect to a fresh form. */
  readonly alert: Locator;
  readonly forgotPasswordLink: Locator;
  readonly heading: Locator;

  /**
   * `poolEndpoint`: an isolated pair's pool (e2e/support/isolated-portal.ts) instead of the global one.
   * `texts`: the language the page is expected in (English unless the sign-in asked for another).
   */
  constructor(
    private readonly page: Page,
    private readonly poolEndpoint = e2eEnvironment().pool.endpoint,
    readonly texts: PoolSignInTexts = POOL_SIGN_IN_TEXTS.en,
  ) {
    this.username = page.getByLabel(texts.username, { exact: true });
    this.password = page.getByLabel(texts.password, { exact: true });
    this.signInButton = page.getByRole('button', { name: texts.signIn, exact: true });
    this.passkeyButton = page.getByRole('button', { name: texts.passkey, exact: true });
    this.alert = page.getByRole('alert');
    this.forgotPasswordLink = page.getByRole('link', { name: texts.forgotPassword });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** The same page expected in another language. */
  in(texts: PoolSignInTexts): PoolSignInPage {
    return new PoolSignInPage(this.page, this.poolEndpoint, texts);
  }

  /** Opens the pool's authorize URL the browser is on (or `url`) again with `lang`, as an app sending Cognito's managed-login parameter does. */
  async openWithLang(lang: string, url = this.page.url()) {
    const authorize = new URL(url);
    authorize.searchParams.set('lang', lang);
    await this.page.goto(authorize.toString());
  }

  /** The page is in its expected language: `<html lang dir>`, heading, labels and buttons. */
  async expectLanguage() {
    await this.expectShown();
    await expect(this.page.locator('html')).toHaveAttribute('lang', this.texts.lang);
    await expect(this.page.locator('html')).toHaveAttribute('dir', this.texts.dir);
    await expect(this.heading).toHaveText(this.texts.heading);
    await expect(this.password).toBeVisible();
    await expect(this.signInButton).toBeVisible();
    await expect(this.forgotPasswordLink).toBeVisible();
  }

  async expectShown() {
    const poolOrigin = new URL(this.poolEndpoint).origin;
    await expect(this.page).toHaveURL((url) => url.origin === poolOrigin);
    await expect(this.username).toBeVisible();
  }

  /** Signs in with a discoverable passkey of the page's authenticator: no username, no password. */
  async signInWithPasskey() {
    await this.expectShown();
    await this.passkeyButton.click();
  }

  async signIn(user: { username: string; password: string }) {
    await this.expectShown();
    await this.username.fill(user.username);
    await this.password.fill(user.password);
    await this.signInButton.click();
  }

  /** The page's autofill (conditional) passkey request is open, waiting for the person to pick a passkey. */
  async expectAutofillWaiting() {
    await expect(this.page.locator('#passkey-form')).toHaveAttribute('data-autofill-state', 'waiting');
  }

  /** The fresh form after a failed attempt: the pool's own origin, the error announced. */
  async expectFailure(message: string) {
    await this.expectShown();
    await expect(this.alert).toHaveText(message);
  }
}
