// A browser app that knows nothing of this project: the real Amplify JS v6 (aws-amplify from npm),
// configured for a user pool whose endpoint is the local pool, on another origin than the pool.
// Bundled for the page by esbuild (amplify-app/serve.ts); the test drives it through `window.amplifyApp`.
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut, updateUserAttributes } from 'aws-amplify/auth';

export type AmplifyAppConfig = { userPoolId: string; userPoolClientId: string; userPoolEndpoint: string };

/** Amplify keeps its tokens in localStorage under this prefix (its default token store). */
function storedRefreshToken(clientId: string): string | undefined {
  const prefix = `CognitoIdentityServiceProvider.${clientId}.`;
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i)!;
    if (key.startsWith(prefix) && key.endsWith('.refreshToken')) return localStorage.getItem(key) ?? undefined;
  }
  return undefined;
}

const app = {
  configure(config: AmplifyAppConfig) {
    Amplify.configure({ Auth: { Cognito: config } });
    return true;
  },
  async signIn(username: string, password: string) {
    const result = await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    return { isSignedIn: result.isSignedIn, step: result.nextStep.signInStep, username: (await getCurrentUser()).username };
  },
  async session(forceRefresh: boolean) {
    const session = await fetchAuthSession({ forceRefresh });
    return { accessToken: session.tokens?.accessToken.toString(), idToken: session.tokens?.idToken?.toString() };
  },
  refreshToken: storedRefreshToken,
  async attributes() {
    return fetchUserAttributes();
  },
  async updateAttribute(name: string, value: string) {
    const result = await updateUserAttributes({ userAttributes: { [name]: value } });
    return Object.fromEntries(Object.entries(result).map(([key, output]) => [key, output.isUpdated]));
  },
  async failure(run: () => Promise<unknown>) {
    try {
      await run();
      return undefined;
    } catch (error) {
      return { name: (error as Error).name, message: (error as Error).message };
    }
  },
  signOut: () => signOut(),
};

declare global {
  interface Window {
    amplifyApp: typeof app;
  }
}
window.amplifyApp = app;
