// The boundary layers a person can switch on (lines and their labels), and which style layers each
// layer toggle shows or hides.
import type { LayerKey } from '$lib/state/url';

export interface BoundaryDef {
	key: Exclude<LayerKey, 'lsoa' | 'practices' | 'labels'>;
	label: string;
	sourceLayer: string;
	/** Kind in the boundaries archive's `label` layer. */
	labelKinds: string[];
	colour: string;
	width: [number, number];
	dash?: number[];
	minzoom?: number;
	labelMinZoom: number;
}

export const BOUNDARIES: readonly BoundaryDef[] = [
	{
		key: 'lad',
		label: 'Local authorities',
		sourceLayer: 'lad',
		labelKinds: ['lad'],
		colour: '#7d7a73',
		width: [0.3, 1.1],
		labelMinZoom: 8.5
	},
	{
		key: 'sicbl',
		label: 'Sub-ICB locations',
		sourceLayer: 'sicbl',
		labelKinds: ['sicbl'],
		colour: '#4f5d69',
		width: [0.6, 1.6],
		dash: [3, 2],
		labelMinZoom: 7.5
	},
	{
		key: 'icb',
		label: 'Integrated care boards',
		sourceLayer: 'icb',
		labelKinds: ['icb'],
		colour: '#26313b',
		width: [0.9, 2.4],
		labelMinZoom: 6.2
	},
	{
		key: 'region',
		label: 'NHS England regions',
		sourceLayer: 'nhser',
		labelKinds: ['nhser', 'region'],
		colour: '#111418',
		width: [1.6, 3.2],
		labelMinZoom: 4.5
	},
	{
		key: 'network',
		label: 'Deep End network footprints',
		sourceLayer: 'network',
		labelKinds: ['network'],
		colour: '#c51b7d',
		width: [2.2, 4],
		labelMinZoom: 4.5
	}
];

/** Maplibre layer ids whose visibility follows a layer toggle (for the LSOA toggle: of the given style's layers). */
export function layerIdsFor(key: LayerKey, boundaryLayers: string[], styleLayerIds: readonly string[] = []): string[] {
	if (key === 'lsoa')
		return styleLayerIds.filter((id) => id.startsWith('fill-') || id.startsWith('mask-imd') || id === 'lsoa-edge');
	if (key === 'labels') return ['place-town', 'place-city'];
	if (key === 'practices') return [];
	const ids = [`${key}-line`];
	if (key === 'network') ids.push('network-fill', 'network-casing');
	if (boundaryLayers.includes('label') && key !== 'lad') ids.push(`${key}-label`);
	return ids;
}
