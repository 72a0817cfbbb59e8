// The one error an input problem becomes: file, line and column where they exist, what is wrong
// (with what was expected) and the fix. scripts/build.ts prints its message, never a stack trace.

export class InputError extends Error {
	constructor(
		readonly file: string,
		readonly line: number | null,
		readonly column: string | null,
		readonly problem: string,
		readonly fix: string,
		options?: ErrorOptions
	) {
		const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column ${column}`]
			.filter(Boolean)
			.join(', ');
		super(`${where}: ${problem}\n  Fix: ${fix}`, options);
		this.name = 'InputError';
	}
}

export const REFETCH = 'check the file against data/sources.json, or re-fetch it with `npm run fetch-data -- --force`';

/** What the user reads when the build stops: the problem and the fix, the stack only with --debug. */
export function failureMessage(e: unknown, debug: boolean): string {
	const err = e instanceof Error ? e : new Error(String(e));
	const stack = debug && err.stack ? `\n${err.stack}` : '';
	if (err instanceof InputError) return `Build stopped: bad input.\n${err.message}${stack}`;
	const hint = debug
		? ''
		: '\n  (Run again with --debug for the stack trace; please report it with the message above.)';
	return `Build failed: ${err.message}${hint}${stack}`;
}
