// Deep End networks: the sourced facts (networks/deep_end_networks_sources_2026-12.csv) joined with
// the atlas's readings of their rules (data/networks.json), with the practices each reading selects
// today (an estimate) and each footprint as one dissolved feature.
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import {
	DEFAULT_RULE,
	describeRule,
	footprintKindOf,
	inFootprint,
	parsePublishedCount,
	rankByRule,
	RULE_MEASURES,
	RULE_VINTAGES,
	type Network,
	type NetworkReading
} from '../../src/lib/domain/networks';
import type { Practice } from '../../src/lib/domain/practice';
import type { BuiltNetwork, BuiltReading } from '../../src/lib/domain/formats/networks';
import type { NetworkSourceRow } from './inputs';
import { InputError } from './read';

export type { BuiltNetwork };

/** data/networks.json: per network id, its short name, readings and notes. */
export interface NetworkOverlay {
	id: string;
	shortName: string;
	kind?: 'practices' | 'people';
	footprintDescription?: string;
	/** Local authorities to draw a health-board footprint from. */
	drawFrom?: string[];
	readings?: NetworkReading[];
	noEstimate?: string;
}

export function readNetworkOverlay(path: string): NetworkOverlay[] {
	let doc: { networks?: NetworkOverlay[] };
	try {
		doc = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new InputError(path, null, null, `not valid JSON (${(e as Error).message})`, 'fix the JSON syntax');
	}
	if (!Array.isArray(doc.networks))
		throw new InputError(path, null, 'networks', 'no "networks" array', 'restore the file from git');
	const ids = new Set<string>();
	for (const n of doc.networks) {
		const at = `networks[${n.id ?? '?'}]`;
		const fail = (key: string, problem: string, fix: string) => {
			throw new InputError(path, null, `${at}.${key}`, problem, fix);
		};
		if (typeof n.id !== 'string' || !n.id) fail('id', 'missing', 'give the network_id of the sources CSV');
		if (typeof n.shortName !== 'string' || !n.shortName) fail('shortName', 'missing', 'give a short name');
		if (ids.has(n.id)) fail('id', 'duplicate network id', 'give each network one entry');
		ids.add(n.id);
		for (const [k, r] of (n.readings ?? []).entries()) {
			const rule = r?.rule;
			if (!rule || !RULE_VINTAGES.includes(rule.vintage) || !RULE_MEASURES.includes(rule.measure))
				fail(
					`readings[${k}].rule`,
					'needs a vintage and a measure the atlas knows',
					`vintage: ${RULE_VINTAGES.join(' | ')}`
				);
		}
	}
	return doc.networks;
}

/** One network from its sourced row and the atlas's overlay (absent: no readings, facts only). */
export function networkFrom(row: NetworkSourceRow, overlay: NetworkOverlay | undefined, file: string): Network {
	const code = row.footprintCode;
	const kind = code ? footprintKindOf(code) : null;
	if (code && !kind)
		throw new InputError(
			file,
			null,
			'footprint_codes',
			`${row.id}: ${code} is not a footprint code the atlas knows`,
			'use an ICB, Sub-ICB, region, local authority, nation or health board code'
		);
	const people = overlay?.kind === 'people';
	const footprint =
		kind && !people
			? { kind, codes: [code], description: overlay?.footprintDescription ?? row.footprintDescription }
			: null;
	let readings = overlay?.readings ?? [];
	let noEstimate = overlay?.noEstimate ?? null;
	if (!noEstimate && !footprint) noEstimate = 'No footprint is known, so no members can be estimated.';
	if (!noEstimate && readings.length === 0)
		readings = [
			{
				id: 'default',
				label: "No rule found: the atlas's default",
				rule: DEFAULT_RULE,
				note: "The network publishes no membership rule, so the atlas applies its default (the footprint's practices in the top 10% of England's practices by share of patients in the most deprived 15% of LSOAs, IoD2025); change it in Recruit."
			}
		];
	return {
		id: row.id,
		name: row.name,
		shortName: overlay?.shortName ?? row.name,
		country: row.country,
		status: row.status,
		founded: row.founded,
		kind: people ? 'people' : 'practices',
		footprint,
		footprintCodesFromSource: row.codesFromSource,
		statedRule: row.membershipRule,
		publishedCount: parsePublishedCount(row.publishedMemberCount, row.countDate),
		sourceUrl: row.sourceUrls[0] ?? '',
		otherSources: row.sourceUrls.slice(1),
		notes: row.notes,
		readings,
		noEstimate
	};
}

/** Join the sourced rows with the overlay; overlay entries for networks the rows lack are returned apart. */
export function joinNetworks(rows: readonly NetworkSourceRow[], overlay: readonly NetworkOverlay[], file: string) {
	const byId = new Map(overlay.map((o) => [o.id, o]));
	const known = new Set(rows.map((r) => r.id));
	return {
		networks: rows.map((r) => networkFrom(r, byId.get(r.id), file)),
		unmatched: overlay.filter((o) => !known.has(o.id)).map((o) => o.id)
	};
}

export function buildNetworks(networks: readonly Network[], practices: readonly Practice[]): BuiltNetwork[] {
	return networks.map((n) => {
		const inside = n.footprint && !n.noEstimate ? practices.filter((p) => inFootprint(n.footprint!, p)) : null;
		const rankings = n.readings.map((r) => (inside ? rankByRule(r.rule, practices, inside) : null));
		const readings: BuiltReading[] = n.readings.map((r, k) => {
			const ranking = rankings[k];
			const unavailable =
				n.noEstimate ??
				ranking?.unavailable ??
				(ranking && ranking.ranked.length === 0
					? `No practice in the footprint has a value for this rule's figure in this build.`
					: null);
			const selected = unavailable || !ranking ? [] : ranking.ranked.filter((x) => x.selected).map((x) => x.code);
			return {
				...r,
				ruleDescription: describeRule(r.rule),
				estimatedMemberCount: unavailable ? null : selected.length,
				selected,
				excludedFlagged: ranking?.excludedFlagged ?? [],
				unavailable
			};
		});
		const first = readings[0];
		return {
			...n,
			readings,
			ruleDescription: first?.ruleDescription ?? null,
			estimatedMembers: first && !first.unavailable ? (rankings[0]?.ranked ?? null) : null,
			estimatedMemberCount: first?.estimatedMemberCount ?? null,
			footprintPracticeCount: inside ? inside.length : null
		};
	});
}

/** Footprint features (dissolved, one per network with a footprint) for the boundaries archive. */
export function networkFootprints(
	networks: readonly (Network & { drawFrom?: string[] })[],
	sources: { icb: Feature[]; region: Feature[]; lad: Feature[]; sicbl?: Feature[] },
	dissolve: (features: Feature[], keyOf: (f: Feature) => string) => Feature[],
	drawFrom: ReadonlyMap<string, string[]> = new Map()
): Feature[] {
	const out: Feature[] = [];
	const code = (x: Feature, key: string) => String(x.properties?.[key]);
	for (const n of networks) {
		const f = n.footprint;
		if (!f) continue;
		let parts: Feature[] = [];
		if (f.kind === 'icb') parts = sources.icb.filter((x) => f.codes.includes(code(x, 'ICB23CD')));
		else if (f.kind === 'sicbl') parts = (sources.sicbl ?? []).filter((x) => f.codes.includes(code(x, 'SICBL23CD')));
		else if (f.kind === 'region') parts = sources.region.filter((x) => f.codes.includes(code(x, 'RGN23CD')));
		else if (f.kind === 'nation')
			parts = sources.lad.filter((x) => f.codes.some((c) => code(x, 'LAD24CD')[0] === c[0]));
		else if (f.kind === 'lad') parts = sources.lad.filter((x) => f.codes.includes(code(x, 'LAD24CD')));
		else if (f.kind === 'healthBoard') {
			const lads = drawFrom.get(n.id) ?? [];
			parts = sources.lad.filter((x) => lads.includes(code(x, 'LAD24CD')));
		}
		if (parts.length === 0)
			throw new Error(`Network ${n.id}: footprint ${f.kind} ${f.codes.join(',')} matches no boundary`);
		const [merged] = dissolve(parts, () => n.id);
		merged.properties = { code: n.id, name: n.shortName, country: n.country };
		out.push(merged);
	}
	return out;
}
