// Cross-check: the atlas's practice IoD2019 scores against published figures (Fingertips indicator
// 93553, 2019; and an independent recomputation from early-2023 registrations).
import type { Practice } from '../../src/lib/domain/practice';
import type { SourceEntry } from '../../src/lib/domain/formats/sources';
import { readBlackwellImd, readFingertipsImd } from './inputs';
import { checkSourceRows } from './inputs/expect';

export interface Agreement {
	n: number;
	r: number;
	meanAbsDiff: number;
	/** Practices whose score differs by more than 5 IMD points. */
	over5: number;
}

export function agreement(ours: ReadonlyMap<string, number>, theirs: ReadonlyMap<string, number>): Agreement {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const [code, y] of theirs) {
		const x = ours.get(code);
		if (x === undefined) continue;
		xs.push(x);
		ys.push(y);
	}
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	let abs = 0;
	let over5 = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
		const d = Math.abs(xs[i] - ys[i]);
		abs += d;
		if (d > 5) over5++;
	}
	return { n, r: sxy / Math.sqrt(sxx * syy), meanAbsDiff: abs / n, over5 };
}

/** Each reference file's count (practices with a score) is checked against `sources` before it is used. */
export function crossCheckImd2019(
	practices: readonly Practice[],
	fingertipsPath: string,
	blackwellPath: string,
	sources: readonly SourceEntry[]
) {
	const ours = new Map(practices.filter((p) => p.imdScore2019 !== null).map((p) => [p.code, p.imdScore2019!]));
	const fingertips = readFingertipsImd(fingertipsPath, 2019);
	checkSourceRows(sources, 'fingertipsImd', fingertips.size);
	const blackwell = readBlackwellImd(blackwellPath);
	checkSourceRows(sources, 'blackwellImd', blackwell.size);
	return { fingertips: agreement(ours, fingertips), blackwell: agreement(ours, blackwell) };
}
