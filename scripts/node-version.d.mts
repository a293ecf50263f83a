// Types for scripts/node-version.mjs (plain Node ESM, also run as a script by `npm start` and `npm test`).
export declare const SUPPORTED_NODE: string;
export declare const MINIMUM_NODE_MAJOR: number;
export declare const FETCHED_NODE_MAJOR: number;
export declare function majorOf(version: string): number;
export declare function unsupportedNodeMessage(version: string): string | null;
export declare function fetchedNodeDir(env?: { HOME?: string }): string;
export declare function runOnSupportedNode(command: string, args: string[]): Promise<number>;
