// A Deep End group's own member list, read from a file the user picks (it never leaves the browser).
// The parts, under memberList/: the result's types and limits, reading the columns, matching names,
// and parseMemberList, which puts each row in matched, to confirm, or bad (with its line and reason);
// MemberListClient runs it in a worker (worker.ts), with progress and cancel.
export { parseMemberList } from './memberList/parse';
export { MemberListClient, type MemberListRun, type WorkerLike } from './memberList/client';
export {
	boundedEdits,
	memberMatcher,
	nameSimilarity,
	nameTokens,
	tokenMatch,
	type MemberMatcher
} from './memberList/names';
export {
	MEMBER_LIST_LIMITS,
	type BadMemberRow,
	type MatchedMember,
	type MemberListPractice,
	type MemberListResult,
	type MemberToConfirm,
	type NameCandidate
} from './memberList/types';
