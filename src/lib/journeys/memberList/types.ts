// What reading a member list gives back, and its limits.

export interface MemberListPractice {
	code: string;
	name: string;
	postcode: string;
	pcnCode?: string;
	pcnName?: string;
}

export interface MatchedMember {
	/** Line of the file, 1 = first line (the header, if any, counts). */
	line: number;
	code: string;
	input: string;
}

export interface NameCandidate {
	code: string;
	name: string;
	postcode: string;
	/** Similarity 0–1 of the typed name (and postcode, if the row has one) to the practice. */
	score: number;
}

export interface MemberToConfirm {
	line: number;
	input: string;
	/** Best first. */
	candidates: NameCandidate[];
	/** An earlier line with the same name (and no postcode to tell them apart): the same practice twice, or two of one name. */
	sameNameAs?: number;
}

export interface BadMemberRow {
	line: number;
	input: string;
	reason: string;
}

export interface MemberListResult {
	matched: MatchedMember[];
	toConfirm: MemberToConfirm[];
	bad: BadMemberRow[];
	/** A problem with the file as a whole (too large, not text, truncated); null when none. */
	problem: string | null;
	/** The header row's cells when the first row was taken as a header. */
	header: string[] | null;
}

export const MEMBER_LIST_LIMITS = {
	/** Characters of text (≈ bytes for the ASCII files these are). */
	maxChars: 5 * 1024 * 1024,
	maxRows: 20_000,
	/** Name candidates offered per row. */
	maxCandidates: 8,
	/** Below this similarity a practice is not offered for a typed name. */
	minScore: 0.5,
	/** Inputs are echoed back at most this long. */
	maxEcho: 200,
	/** England's longest practice name has 40 characters; far longer text is not a name (and would be slow to match). */
	maxNameChars: 150
};
