// Types for scripts/chromium.mjs (plain Node ESM, also run as a script by .ci/run).
export declare const SYSTEM_CHROMIUM: string;
export declare function playwrightChromiumPath(): string;
export declare function chromiumForTests(exists?: (path: string) => boolean): { path: string; system: boolean } | null;
export declare function missingChromiumMessage(): string;
