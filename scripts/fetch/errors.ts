// The one error the fetch step reports: which source, from where, what went wrong, and the fix.

export class FetchError extends Error {
	constructor(
		readonly sourceId: string,
		readonly file: string,
		/** The mirror path or URL the bytes were taken from. */
		readonly from: string,
		readonly problem: string,
		readonly fix: string,
		/** Network trouble worth one more try. */
		readonly retryable = false
	) {
		super(`${sourceId} (${file}): ${problem}\n  from: ${from}\n  Fix: ${fix}`);
		this.name = 'FetchError';
	}
}
