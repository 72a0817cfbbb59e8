// Number formats shared by panels, tooltips, the list and the tests' expectations.
const gb = (digits: number) =>
	new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = gb(0);
const d1 = gb(1);
const d2 = gb(2);

export const NA = '—';

export const fmtInt = (v: number | null | undefined) =>
	v === null || v === undefined || !Number.isFinite(v) ? NA : int.format(v);
export const fmt1 = (v: number | null | undefined) =>
	v === null || v === undefined || !Number.isFinite(v) ? NA : d1.format(v);
export const fmt2 = (v: number | null | undefined) =>
	v === null || v === undefined || !Number.isFinite(v) ? NA : d2.format(v);
export const fmtPct = (v: number | null | undefined) =>
	v === null || v === undefined || !Number.isFinite(v) ? NA : `${d1.format(v * 100)}%`;
export const fmtKm = (v: number | null | undefined) =>
	v === null || v === undefined || !Number.isFinite(v) ? NA : `${d1.format(v)} km`;

export function ordinal(n: number): string {
	const s = ['th', 'st', 'nd', 'rd'];
	const v = n % 100;
	return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

export const decileWord = (d: number) =>
	d === 1 ? 'most deprived 10%' : d === 10 ? 'least deprived 10%' : `decile ${d} of 10`;
