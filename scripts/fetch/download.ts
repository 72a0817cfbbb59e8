// Downloading a source over HTTP(S), from a mirror host or the publisher, verified on the way.
// An idle timeout (reset whenever bytes arrive), one retry for network trouble, and no retry for
// a wrong file: a checksum mismatch will not fix itself.
import type { SourceEntry } from '../../src/lib/domain/formats/sources';
import { FetchError } from './errors';
import type { FetchOptions } from './source';
import { Mismatch, VerifyingWriter } from './writer';

/** `download`, once more when it fails for a reason that may pass (network trouble, a stall). */
export async function downloadWithRetry(...args: Parameters<typeof download>): Promise<void> {
	const [entry, , , , options] = args;
	try {
		await download(...args);
	} catch (e) {
		if (!(e instanceof FetchError) || !e.retryable) throw e;
		options.log?.(`${entry.id}: ${e.problem}; retrying once`);
		await download(...args);
	}
}

async function download(
	entry: SourceEntry,
	url: string,
	official: boolean,
	finalPath: string,
	options: FetchOptions
): Promise<void> {
	const idleMs = options.idleTimeoutMs ?? 60_000;
	const fail = (problem: string, fix: string, retryable = false) =>
		new FetchError(entry.id, entry.file, url, problem, fix, retryable);
	const networkFix =
		'check the network and the URL, then re-run `npx tsx scripts/fetch/cli.ts`; or use a local mirror (ATLAS_DATA_MIRROR)';
	const mismatchFix = official
		? `this is the publisher's original, not the reduced copy the pipeline reads (the mirror copy was derived from it: ${entry.derivation}); use a mirror: set ATLAS_DATA_MIRROR to a local copy, or ATLAS_DATA_BASE_URL to a host serving the mirror layout`
		: 'check ATLAS_DATA_BASE_URL serves the same mirror version as data/sources.json (compare with its SHA256SUMS)';

	// Idle timeout, reset whenever bytes arrive: a slow but moving download is fine, a stalled one is not.
	const controller = new AbortController();
	let timedOut = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, idleMs);
	};

	let writer: VerifyingWriter | undefined;
	try {
		arm();
		let response: Response;
		try {
			response = await fetch(url, {
				redirect: 'follow',
				signal: controller.signal,
				// Ask for the bytes as stored: a transparently gunzipped .gz would fail the checksum.
				headers: { 'accept-encoding': 'identity', 'user-agent': 'deep-end-atlas-fetch' }
			});
		} catch (e) {
			throw timedOut
				? fail(`no response within ${idleMs / 1000} s`, networkFix, true)
				: fail(`request failed (${describeCause(e)})`, networkFix, true);
		}
		if (!response.ok) {
			await response.body?.cancel().catch(() => {});
			const transient = response.status >= 500 || response.status === 429;
			throw fail(
				`HTTP ${response.status} ${response.statusText}`.trim(),
				transient
					? networkFix
					: official
						? mismatchFix
						: `check that ${url} exists on the mirror host (ATLAS_DATA_BASE_URL)`,
				transient
			);
		}
		const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
		const lengthHeader = response.headers.get('content-length');
		const announced = !encoded && lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null;
		if (announced !== null && announced !== entry.bytes) {
			await response.body?.cancel().catch(() => {});
			throw fail(
				`the server announces ${announced} bytes but data/sources.json expects ${entry.bytes} (sha256 ${entry.sha256})`,
				mismatchFix
			);
		}
		if (!response.body) throw fail('the response has no body', networkFix, true);

		writer = await VerifyingWriter.open(finalPath, entry.bytes);
		const reader = response.body.getReader();
		arm();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				arm();
				await writer.write(value);
			}
		} catch (e) {
			if (e instanceof Mismatch) throw e;
			const got = writer.bytes;
			if (timedOut) throw fail(`download stalled: no data for ${idleMs / 1000} s after ${got} bytes`, networkFix, true);
			const of = announced ?? entry.bytes;
			throw fail(
				`download truncated: the connection closed after ${got} of ${of} bytes (${describeCause(e)})`,
				networkFix,
				true
			);
		}
		if (announced !== null && writer.bytes < announced) {
			throw fail(
				`download truncated: received ${writer.bytes} of ${announced} bytes announced by Content-Length`,
				networkFix,
				true
			);
		}
		await writer.commit(entry.sha256);
	} catch (e) {
		await writer?.abort();
		if (e instanceof Mismatch) throw fail(`checksum mismatch: ${e.message}`, mismatchFix);
		if (e instanceof FetchError) throw e;
		throw fail(`download failed (${describeCause(e)})`, networkFix);
	} finally {
		clearTimeout(timer);
	}
}

function describeCause(e: unknown): string {
	if (!(e instanceof Error)) return String(e);
	const cause = (e as Error & { cause?: unknown }).cause;
	const inner = cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code : undefined;
	return inner && inner !== e.message ? `${e.message}: ${inner}` : e.message;
}
