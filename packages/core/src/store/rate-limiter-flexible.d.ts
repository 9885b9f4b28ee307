// The two deep modules core loads (the package's index pulls in every store it supports).
declare module 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js' {
  import type { RateLimiterStoreAbstract } from 'rate-limiter-flexible';
  const Abstract: typeof RateLimiterStoreAbstract;
  export default Abstract;
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import type { RateLimiterRes } from 'rate-limiter-flexible';
  const Res: typeof RateLimiterRes;
  export default Res;
}
