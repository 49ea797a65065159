import { createRequire } from 'node:module';
import type MarkdownItKlasse from 'markdown-it';

/**
 * markdown-it as the package's single-file build (dist/markdown-it.js, the same version and code as
 * its ES modules): one file to load instead of 76 (markdown-it's own and its dependencies'), some
 * 14 ms instead of 50 for every Word document. Loaded only by the Word renderer.
 */
export const MarkdownIt = createRequire(import.meta.url)('markdown-it/dist/markdown-it.js') as typeof MarkdownItKlasse;
export type MarkdownIt = MarkdownItKlasse;
