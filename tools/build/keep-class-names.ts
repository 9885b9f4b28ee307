// Bundled, a class that refers to itself in its own body (`static from() { return new ApiError(…) }`) becomes
// `var ApiError = class _ApiError …`, and its `name` is then `_ApiError`: what users see in `_ApiError: 400 …`
// and match on with `constructor.name`. esbuild's `keepNames` fixes it by wrapping every function and class in
// the bundle in a naming helper, which costs ~1.1 kB gzipped in core alone (and ~13 kB in @creditkit/xml,
// past every budget). This renames just those classes back: their inner name becomes the public one, which
// the class body can use the same way (a class expression's own name is bound inside its body).
import type { Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

export const keepClassNames: TsupPlugin = {
  name: 'keep-class-names',
  renderChunk(code) {
    const renamed = [...code.matchAll(/\bvar (\w+) = class _\1\b/g)].map((m) => m[1]!);
    if (renamed.length === 0) return undefined;
    let out = code;
    for (const name of renamed) out = out.replace(new RegExp(`(?<![\\w$])_${name}(?![\\w$])`, 'g'), name);
    return { code: out };
  },
};
