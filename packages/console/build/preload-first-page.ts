import type { Plugin } from 'vite';

/**
 * Puts the first page's code into index.html as preloads: the chunks (and stylesheet) of the
 * modules main.tsx imports dynamically, named by their source path. Without them the browser
 * learns of those chunks only once main.tsx has run (it builds the first query before importing),
 * so their download started a task later; with them it starts while index.html is parsed.
 * Stylesheets are preloaded, not linked: a stylesheet in the head would hold back main.tsx, and
 * the first query with it, until the stylesheet had loaded.
 */
export function preloadFirstPage(modules: string[]): Plugin {
  return {
    name: 'heli-preload-first-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return undefined;
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        // The entry and what it imports statically are in index.html already.
        const inHtml = new Set([entry.fileName, ...entry.imports]);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || scripts.has(fileName) || inHtml.has(fileName)) return;
          scripts.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        for (const module of modules) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`${module} is not a chunk of its own in the build`);
          visit(chunk.fileName);
        }
        return [
          ...[...scripts].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
          // crossorigin as the stylesheet link Vite adds at the import, so that one reuses this.
          ...[...styles].map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
