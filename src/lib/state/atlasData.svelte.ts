// The atlas's loaded tables, in one place: what has loaded, what loads lazily on first need, and every
// failure as a DataError for the error list. Components read it; nothing else fetches app-wide data.
import { DataError, asDataError, logDataError } from '$lib/data/errors';
import { loadAreas, loadLsoaDetail, loadNetworks, loadPlaces, loadPractices, loadSources } from '$lib/data/load';
import type { PracticeTable } from '$lib/data/practices';
import { networkRoles, type NetworksDoc } from '$lib/data/networks';
import { NO_ROLES, areaNames, selectedMemberCodes } from './derive';
import type { AreaRecord } from '$lib/data/areas';
import type { Place } from '$lib/data/places';
import type { SourcesDoc } from '$lib/data/sources';
import type { LsoaDetailTable } from '$lib/data/lsoaDetail';
import { DEFAULT_ENGLAND_RATE } from '$lib/map/measures';

/** A lazily loaded table: its value once loaded, or the message of its failure. */
class Lazy<T> {
	value = $state<T | null>(null);
	error = $state<string | null>(null);
	#started = false;
	constructor(
		private readonly load: () => Promise<T>,
		private readonly file: string,
		private readonly report: (e: DataError) => void
	) {}
	/** Start loading (once); later calls do nothing. */
	request(): void {
		if (this.#started) return;
		this.#started = true;
		this.load().then(
			(v) => (this.value = v),
			(e) => {
				const err = asDataError(this.file, e);
				this.error = `${err.file} ${err.problem}. ${err.advice}`;
				this.report(err);
			}
		);
	}
}

export class AtlasData {
	errors = $state<DataError[]>([]);
	networks = $state<NetworksDoc | null>(null);
	areas = $state<AreaRecord[]>([]);
	places = $state<Place[] | null>(null);
	/** The practice table is the largest file: the page requests it once the first colours show. */
	readonly practices: Lazy<PracticeTable>;
	readonly lsoaDetail: Lazy<LsoaDetailTable>;
	/** Sources are not shown as a data problem (the panel says so itself). */
	readonly sources: Lazy<SourcesDoc>;

	readonly englandRate = $derived(this.networks?.englandRate ?? DEFAULT_ENGLAND_RATE);
	readonly roles = $derived(this.networks ? networkRoles(this.networks) : NO_ROLES);
	/** Practices some network's rule selects today. */
	readonly members = $derived(selectedMemberCodes(this.roles));
	readonly icbs = $derived(this.areas.filter((a) => a.level === 'icb').sort((a, b) => a.name.localeCompare(b.name)));
	readonly areaName = $derived(areaNames(this.areas));

	constructor() {
		const report = (e: DataError) => this.report(e);
		this.practices = new Lazy(loadPractices, 'data/practices.json', report);
		this.lsoaDetail = new Lazy(loadLsoaDetail, 'data/lsoa-detail.json', report);
		this.sources = new Lazy(loadSources, 'data/sources.json', logDataError);
	}

	/** The small tables every view needs, loaded at once. */
	loadEssentials(): void {
		loadNetworks().then(
			(n) => (this.networks = n),
			(e) => this.report(e, 'data/networks.json')
		);
		loadAreas().then(
			(a) => (this.areas = a),
			(e) => this.report(e, 'data/areas.csv')
		);
		loadPlaces().then(
			(p) => (this.places = p),
			(e) => this.report(e, 'data/places-major.json')
		);
	}

	/** Add a problem to the error list (once per message). */
	report(e: unknown, file = 'data'): void {
		const err = asDataError(file, e);
		logDataError(err);
		if (!this.errors.some((x) => x.message === err.message)) this.errors = [...this.errors, err];
	}

	dismissErrors(): void {
		this.errors = [];
	}
}
