// Step: the search box's indexes: one small file per postcode outward code with an index of outward
// codes (from Code-Point Open, read once by the first step), and the place names (OS Open Names).
import * as inputs from '../inputs';
import { buildPostcodeIndex } from '../postcodeIndex';
import { buildPlaceIndex, readPlaces } from '../places';
import { checkSourceRows } from '../inputs/expect';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	ctx.set('postcodeIndex', buildPostcodeIndex(ctx.get('codePoint'), ctx.outDir));
	// Code-Point Open (1.7 million postcodes) is not needed after this: free it before the tile steps.
	ctx.release('codePoint');
	const places = readPlaces(ctx.input('places'), inputs.INPUT_FILES.places);
	checkSourceRows(ctx.get('sources'), 'places', places.length);
	ctx.set('placeIndex', buildPlaceIndex(places, ctx.outDir));
	ctx.mark('search indexes');
}
