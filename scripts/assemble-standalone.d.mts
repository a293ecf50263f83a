// Types for scripts/assemble-standalone.mjs (plain Node ESM, also run as a script).
export declare function assembleStandalone(dir?: string): string;
