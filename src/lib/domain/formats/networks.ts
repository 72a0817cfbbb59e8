// static/data/networks.json: the Deep End networks as the pipeline built them, with the England rate
// the shortfalls use. One network type for the pipeline (writer) and the app (src/lib/data/networks.ts).
import type { Network, RankedPractice } from '../networks';

/** Bump when a field is renamed, removed or changes meaning. */
export const NETWORKS_FORMAT_VERSION = 1;

/** A network from data/networks.json with what the pipeline adds. */
export interface BuiltNetwork extends Network {
	ruleDescription: string | null;
	/** Ranked footprint practices with the rule's selection: an estimate, not a published list. */
	estimatedMembers: RankedPractice[] | null;
	estimatedMemberCount: number | null;
	footprintPracticeCount: number | null;
}

export interface NetworksFile {
	/** England's fully qualified GP FTE per 10,000 weighted patients. */
	englandRate: number;
	networks: BuiltNetwork[];
}

/** The file's text (indented one space: a small file people read). */
export const encodeNetworks = (doc: NetworksFile): string =>
	JSON.stringify({ englandRate: doc.englandRate, networks: doc.networks }, null, 1);
