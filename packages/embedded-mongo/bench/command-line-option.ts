/** The value after `--name` on the command line, or the fallback; without either, an error. */
export function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} <value> is required`);
  return value;
}
