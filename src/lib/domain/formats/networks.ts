// static/data/networks.json: the Deep End networks as the pipeline built them, with the England rate
// the shortfalls use. One network type for the pipeline (writer) and the app (src/lib/data/networks.ts).
import type { Network, NetworkReading, RankedPractice } from '../networks';

/** Bump when a field is renamed, removed or changes meaning. */
export const NETWORKS_FORMAT_VERSION = 2;

/** A reading of the network's rule with the members it selects today: an estimate, not a published list. */
export interface BuiltReading extends NetworkReading {
	ruleDescription: string;
	/** Practices the rule selects; null when it cannot be applied (see `unavailable`). */
	estimatedMemberCount: number | null;
	/** Codes of the practices it selects, in rank order. */
	selected: string[];
	/** Footprint practices left out of the ranking for a quality flag (the codes). */
	excludedFlagged: string[];
	/** Why this reading cannot be estimated from open data; null when it can. */
	unavailable: string | null;
}

/** A network (sourced facts + the atlas's readings) with what the pipeline adds. */
export interface BuiltNetwork extends Network {
	readings: BuiltReading[];
	/** The first reading's description (null when the network has none). */
	ruleDescription: string | null;
	/** The first reading's ranked footprint practices: an estimate, not a published list. */
	estimatedMembers: RankedPractice[] | null;
	estimatedMemberCount: number | null;
	footprintPracticeCount: number | null;
}

export interface NetworksFile {
	version?: number;
	/** England's fully qualified GP FTE per 10,000 weighted patients. */
	englandRate: number;
	networks: BuiltNetwork[];
}

/** The file's text (indented one space: a small file people read). */
export const encodeNetworks = (doc: NetworksFile): string =>
	JSON.stringify({ version: NETWORKS_FORMAT_VERSION, englandRate: doc.englandRate, networks: doc.networks }, null, 1);
