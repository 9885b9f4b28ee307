// Limits of the XML parser. Responses are already bounded in bytes by core (`maxResponseBytes`); these bound
// what a small hostile document could still do: deep nesting and entity expansion ("billion laughs").

/** Limits of the XML parser, against what a small hostile document could do: deep nesting and entity expansion. */
export interface XmlOptions {
  /** Deepest element nesting accepted. Default 32 (the provider specs nest 5 deep). */
  maxDepth?: number;
  /** References to DOCTYPE-declared entities expanded per document. Default 256. */
  maxEntityExpansions?: number;
  /** Characters that DOCTYPE entity expansion may add per document. Default 65536. */
  maxExpandedLength?: number;
}

export type XmlLimits = Required<XmlOptions>;

export function resolveLimits(options: XmlOptions = {}): XmlLimits {
  return {
    maxDepth: options.maxDepth ?? 32,
    maxEntityExpansions: options.maxEntityExpansions ?? 256,
    maxExpandedLength: options.maxExpandedLength ?? 65_536,
  };
}
