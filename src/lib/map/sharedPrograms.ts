// maplibre compiles one shader program per layer type *and* per mix of paint kinds: a fill whose
// colour is a constant (a uniform) and a fill whose colour varies by feature (a vertex attribute) are
// two programs. In software WebGL a program's first use stalls the page 100–300 ms: linking it takes
// only 4–14 ms (scripts/bench/gpuThread.ts --links), but the page then waits for the GPU process to
// finish every frame queued before it. So every fill and every line here is written in the kinds its
// most demanding layer needs, and each type compiles once:
//   fills: colour per feature, opacity constant (the measure layers switch by opacity, which must stay
//          a constant: a per-feature value would re-lay the tiles out on every switch), and no
//          antialiasing (its outline pass is one more program; the coast and the boundaries draw edges),
//          so a constant outline colour;
//   lines: colour per feature, width and opacity per feature and zoom (the hover outline's are per
//          feature, the boundaries' by zoom).
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

type Value = number | string | ExpressionSpecification;

/** True for no feature; `has` reads the feature, which is what makes the value "per feature". */
const NO_FEATURE: ExpressionSpecification = ['has', '__atlas_never'];

/** The outline colour of every fill: a constant (see sharedProgram). */
const NO_OUTLINE = '#000000';

const isExpression = (v: unknown): v is ExpressionSpecification => Array.isArray(v) && typeof v[0] === 'string';

/** Where a zoom curve's stops start (`interpolate` has a curve type before the input), or -1. */
function zoomStops(v: unknown): number {
	if (!isExpression(v)) return -1;
	const input = v[0] === 'interpolate' ? 2 : v[0] === 'step' ? 1 : -1;
	return input > 0 && JSON.stringify(v[input]) === '["zoom"]' ? input + 1 : -1;
}

/** Whether an expression reads the feature (its properties, id or state). */
function readsFeature(v: unknown): boolean {
	if (!Array.isArray(v)) return false;
	if (['get', 'has', 'id', 'feature-state', 'properties', 'geometry-type'].includes(v[0] as string)) return true;
	return v.some(readsFeature);
}

/** The same value, in the per-feature kind. */
export function perFeature(v: Value): Value {
	return readsFeature(v) ? v : ['case', NO_FEATURE, v, v];
}

/** The same value, in the per-feature-and-zoom kind. */
export function perFeatureByZoom(v: Value): Value {
	const start = zoomStops(v);
	if (start > 0) {
		const e = v as unknown[];
		// After the input: `interpolate` alternates zoom, output; `step` starts with an output.
		const firstOutput = e[0] === 'interpolate' ? 1 : 0;
		const stops = e.slice(start).map((s, i) => (i % 2 === firstOutput ? perFeature(s as Value) : s));
		return [...e.slice(0, start), ...stops] as never;
	}
	const f = perFeature(v);
	return ['interpolate', ['linear'], ['zoom'], 0, f, 24, f] as never;
}

/** The layer with its paint written in the kinds its type shares (see above); other types pass as they are. */
export function sharedProgram<L extends LayerSpecification>(layer: L): L {
	if (layer.type === 'fill') {
		const paint = { ...layer.paint };
		if (paint['fill-color'] !== undefined) paint['fill-color'] = perFeature(paint['fill-color'] as Value) as never;
		paint['fill-antialias'] = false;
		// Unset, the outline colour is the fill colour, per feature: maplibre then fills and uploads a second
		// colour array per layer for an outline that, without antialiasing, is never drawn.
		paint['fill-outline-color'] = NO_OUTLINE;
		return { ...layer, paint };
	}
	if (layer.type === 'line') {
		const paint = { ...layer.paint };
		paint['line-color'] = perFeature((paint['line-color'] ?? '#000000') as Value) as never;
		paint['line-width'] = perFeatureByZoom((paint['line-width'] ?? 1) as Value) as never;
		paint['line-opacity'] = perFeatureByZoom((paint['line-opacity'] ?? 1) as Value) as never;
		return { ...layer, paint };
	}
	return layer;
}
