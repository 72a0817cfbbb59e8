// The floor for the atlas's first paint: a bare maplibre page that draws the same lsoa.pmtiles by IMD
// decile, in the atlas's colours, at the same view, and nothing else. Served by its own small server
// (HTML, maplibre's ES module and worker, the pmtiles reader, the archive with range requests), so
// that the benchmark measures the atlas against it the same way every time.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decileScale } from '../../src/lib/domain/scales';
import { ENGLAND_BOUNDS } from '../../src/lib/map/types';
import { LSOA_TILE_MIN_ZOOM } from '../../src/lib/domain/formats/lsoaTiles';

const SEA = '#d5e0e8';

/** The bare page; `then` is module code run after the map is made (it sees `map` and `maplibregl`). */
function html(then = ''): string {
	const colours = decileScale().colours.flatMap((c, i) => [i + 1, c]);
	const style = {
		version: 8,
		sources: { lsoa: { type: 'vector', url: 'pmtiles:///data/lsoa.pmtiles' } },
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': SEA } },
			{
				id: 'imd',
				type: 'fill',
				source: 'lsoa',
				'source-layer': 'lsoa',
				minzoom: LSOA_TILE_MIN_ZOOM,
				paint: { 'fill-color': ['match', ['get', 'imd_decile'], ...colours, '#cccccc'], 'fill-antialias': false }
			}
		]
	};
	return `<!doctype html><html><head><meta charset="utf-8"><title>bare maplibre</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div>
<script src="/pmtiles.js"></script>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
maplibregl.addProtocol('pmtiles', new pmtiles.Protocol().tile);
const q = new URLSearchParams(location.search);
const c = q.get('c');
const el = document.getElementById('map');
const camera = c
	? { center: c.split(',').map(Number), zoom: Number(q.get('z')) }
	: { bounds: ${JSON.stringify(ENGLAND_BOUNDS)}, fitBoundsOptions: { padding: { top: 20, bottom: 30, left: el.clientWidth > 900 ? 330 : 10, right: 20 } } };
const map = new maplibregl.Map({ container: el, style: ${JSON.stringify(style)}, ...camera, minZoom: 4, maxZoom: 15, attributionControl: false, fadeDuration: 0 });
window.__bare = { map, paintedAt: null };
// Its first colours, as the atlas reports its own: the first idle with the LSOA tiles drawn.
map.on('idle', () => { if (window.__bare.paintedAt === null && map.isSourceLoaded('lsoa')) window.__bare.paintedAt = performance.now(); });
${then}
</script></body></html>`;
}

export interface BareServer {
	url: string;
	stop(): Promise<void>;
}

/**
 * Serve the bare page at `/` (same query parameters c and z as the atlas). A benchmark may add module
 * code to run once the map is made, and files of its own (path → [file, content type]).
 */
export async function serveBare(
	root: string,
	extra: { then?: string; files?: Record<string, [string, string]> } = {}
): Promise<BareServer> {
	const files: Record<string, [string, string]> = {
		'/maplibre-gl.mjs': [join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs'), 'text/javascript'],
		'/maplibre-gl-worker.mjs': [join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), 'text/javascript'],
		'/maplibre-gl.css': [join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.css'), 'text/css'],
		'/pmtiles.js': [join(root, 'node_modules/pmtiles/dist/pmtiles.js'), 'text/javascript'],
		'/data/lsoa.pmtiles': [join(root, 'static/data/lsoa.pmtiles'), 'application/octet-stream']
	};
	Object.assign(files, extra.files ?? {});
	const page = html(extra.then);
	const server: HttpServer = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		if (path === '/') {
			res.writeHead(200, { 'content-type': 'text/html' });
			return res.end(page);
		}
		const f = files[path];
		if (!f) {
			res.writeHead(404);
			return res.end();
		}
		const size = statSync(f[0]).size;
		const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
		if (range) {
			const start = Number(range[1]);
			const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			res.writeHead(206, {
				'content-type': f[1],
				'content-length': end - start + 1,
				'content-range': `bytes ${start}-${end}/${size}`,
				'accept-ranges': 'bytes'
			});
			return createReadStream(f[0], { start, end }).pipe(res);
		}
		res.writeHead(200, { 'content-type': f[1], 'content-length': size, 'accept-ranges': 'bytes' });
		createReadStream(f[0]).pipe(res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () => new Promise<void>((r) => server.close(() => r()))
	};
}
