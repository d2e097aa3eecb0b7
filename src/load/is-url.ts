/** True for an http(s) URL, the only remote sources the loader reads; anything else is a file path. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}
