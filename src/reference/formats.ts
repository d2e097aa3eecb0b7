/** What `idemgen docs` writes: `index.html`, `reference.md` (with `timelines/*.svg`), or both. */
export const REFERENCE_FORMATS = ['html', 'markdown', 'both'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];
