import { describe, expect, it } from 'vitest';
import { recruitCodec, selectionFrom, selectionInput, defaultSelection } from '../src/lib/journeys/params/recruit';
import { commissionCodec } from '../src/lib/journeys/params/commission';
import { findCodec } from '../src/lib/journeys/params/find';
import { JOURNEYS, journeyFor } from '../src/lib/journeys/registry';

describe('journey URL codecs', () => {
	it('Recruit reads a network, a changed rule and a footprint, and writes them back', () => {
		const raw = {
			net: 'nenc',
			rd: 'arc',
			ri: 'iod2025',
			rm: 'share10',
			rk: 'topN',
			rv: '40',
			rf: '1',
			fp: 'E54000048'
		};
		const p = recruitCodec.parse(raw);
		expect(p).toEqual({
			net: 'nenc',
			reading: 'arc',
			vintage: 'iod2025',
			measure: 'share10',
			selection: { kind: 'topN', n: 40 },
			includeFlagged: true,
			footprint: 'E54000048'
		});
		expect(recruitCodec.write(p)).toEqual(raw);
	});
	it('Recruit ignores what it cannot read (the network default then applies)', () => {
		const none = {
			net: null,
			reading: null,
			vintage: null,
			measure: null,
			selection: null,
			includeFlagged: false,
			footprint: ''
		};
		expect(recruitCodec.parse({ net: '<b>', ri: 'imd1066', rm: 'nope', rk: 'topN', rv: '2.5', rf: 'yes' })).toEqual(
			none
		);
		expect(recruitCodec.parse({ rk: 'nationalTop', rv: '1.5' }).selection).toBe(null);
		expect(recruitCodec.parse({ rk: 'threshold', rv: '0.5' }).selection).toEqual({ kind: 'threshold', min: 0.5 });
		expect(recruitCodec.parse({ rk: 'threshold', rv: '-1' }).selection).toBe(null);
		expect(recruitCodec.write(none)).toEqual({});
	});
	it('Recruit selections from the rule editor', () => {
		// Percent as people type it: 50 means 50% (issue 9: it was read as 5000%), for shares and fractions.
		expect(selectionFrom('threshold', '50', 'share15')).toEqual({ kind: 'threshold', min: 0.5 });
		expect(selectionFrom('threshold', '50%', 'share15')).toEqual({ kind: 'threshold', min: 0.5 });
		expect(selectionFrom('threshold', '35', 'imdScore')).toEqual({ kind: 'threshold', min: 35 });
		expect(selectionFrom('nationalTop', '10')).toEqual({ kind: 'nationalTop', fraction: 0.1 });
		expect(selectionFrom('nationalTop', '150')).toBe(null);
		expect(selectionFrom('topN', '100')).toEqual({ kind: 'topN', n: 100 });
		expect(selectionInput({ kind: 'threshold', min: 0.5 }, 'share15')).toBe(50);
		expect(selectionInput({ kind: 'threshold', min: 35 }, 'imdScore')).toBe(35);
		expect(selectionInput({ kind: 'nationalTop', fraction: 0.1 }, 'share15')).toBe(10);
		expect(selectionFrom('topN', 'x')).toBe(null);
		expect(defaultSelection('threshold', 'share15')).toEqual({ kind: 'threshold', min: 0.3 });
		expect(defaultSelection('threshold', 'imdScore')).toEqual({ kind: 'threshold', min: 40 });
	});
	it('Commission: level, area and shortfall basis, defaults left out', () => {
		expect(commissionCodec.parse({ lvl: 'pcn', area: 'U12345', by: 'similar' })).toEqual({
			level: 'pcn',
			area: 'U12345',
			by: 'similar'
		});
		expect(commissionCodec.parse({ lvl: 'galaxy', area: 'x y' })).toEqual({ level: 'icb', area: null, by: 'england' });
		expect(commissionCodec.write({ level: 'icb', area: 'E54000054', by: 'england' })).toEqual({ area: 'E54000054' });
	});
	it('Find keeps the query as asked, trimmed', () => {
		expect(findCodec.parse({ q: 'LS1 1UR' })).toEqual({ query: 'LS1 1UR' });
		expect(findCodec.write({ query: '  Hull ' })).toEqual({ q: 'Hull' });
		expect(findCodec.write({ query: ' ' })).toEqual({});
	});
	it('every journey is registered once, and its keys are its own', () => {
		expect(JOURNEYS.map((j) => j.mode)).toEqual(['recruit', 'commission', 'find']);
		const keys = JOURNEYS.flatMap((j) => j.codec.keys);
		expect(new Set(keys).size).toBe(keys.length);
		expect(journeyFor('find')?.label).toBe('Find');
		expect(journeyFor('evil')).toBe(null);
	});
});
