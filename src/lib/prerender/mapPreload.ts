// The map's chunks, read from Vite's client manifest at prerender time, as modulepreload links.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The module the map page imports lazily; its static imports (maplibre, pmtiles) come with it. */
export const MAP_ENTRY = 'src/lib/map/atlasMap.ts';

interface ManifestChunk {
	file: string;
	imports?: string[];
}

/** Files of a manifest entry and its static imports, the entry first (each once). */
export function chunkFiles(manifest: Record<string, ManifestChunk>, entry: string): string[] {
	const out: string[] = [];
	const visit = (key: string) => {
		const c = manifest[key];
		if (!c || out.includes(c.file)) return;
		out.push(c.file);
		for (const i of c.imports ?? []) visit(i);
	};
	visit(entry);
	return out;
}

/**
 * `<link rel="modulepreload">` for each map chunk the page does not preload already, relative to the
 * page (the site may live under a path).
 */
export function mapPreloadLinks(html: string, root = process.cwd()): string {
	const path = join(root, '.svelte-kit/output/client/.vite/manifest.json');
	// No client build yet: nothing to preload.
	if (!existsSync(path)) return '';
	const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
	return chunkFiles(manifest, MAP_ENTRY)
		.filter((f) => !html.includes(f))
		.map((f) => `<link rel="modulepreload" href="./${f}">`)
		.join('\n\t\t');
}
