import type { PoolConfig } from './config';
import type { Store } from './store';
import type { TokenService } from './tokens';

/** What every operation and endpoint works with. */
export type PoolContext = {
  config: PoolConfig;
  store: Store;
  tokens: TokenService;
};

/** What the HTTP layer knows about the caller, for devices and sign-in pages. */
export type RequestInfo = { ip: string; userAgent: string };

export type OperationHandler = (input: Record<string, unknown>, ctx: PoolContext, request: RequestInfo) => Promise<Record<string, unknown>>;
