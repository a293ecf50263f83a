/**
 * Starts next-auth's sign-in with the pool asking again: a POST to /api/auth/signin/cognito with
 * next-auth's CSRF token (double-submit cookie) and `prompt=login&max_age=…` as authorization
 * parameters, as a real form navigation. next-auth/react's signIn does the same, but would add
 * about 10 kB of JavaScript to the Security page for this one call.
 */
export async function signInAgain(callbackUrl: string, maxAgeSeconds: number): Promise<void> {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`next-auth's CSRF token could not be fetched (${response.status}).`);
  const { csrfToken } = (await response.json()) as { csrfToken?: unknown };
  if (typeof csrfToken !== 'string') throw new Error('next-auth sent no CSRF token.');
  const form = document.createElement('form');
  form.method = 'post';
  form.action = `/api/auth/signin/cognito?${new URLSearchParams({ prompt: 'login', max_age: String(maxAgeSeconds) }).toString()}`;
  for (const [name, value] of [
    ['csrfToken', csrfToken],
    ['callbackUrl', callbackUrl],
  ]) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}
