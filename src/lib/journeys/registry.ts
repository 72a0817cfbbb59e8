// Every journey, in one list: its mode (the URL's `mode`), its names on screen, and its URL codec.
// The header, the start screen and the side panel are built from this list.
import { recruitCodec, type RecruitParams } from './params/recruit';
import { commissionCodec, type CommissionParams } from './params/commission';
import { findCodec, type FindParams } from './params/find';
import type { JourneyCodec } from './params/codec';

export interface JourneyParams {
	recruit: RecruitParams;
	commission: CommissionParams;
	find: FindParams;
}
export type JourneyMode = keyof JourneyParams;

export interface Journey<M extends JourneyMode = JourneyMode> {
	mode: M;
	/** Button label in the header. */
	label: string;
	/** One line on the start screen: who it is for and what it does. */
	blurb: string;
	/** Title of the phone's bottom sheet while the journey is open. */
	sheetTitle: string;
	codec: JourneyCodec<JourneyParams[M]>;
}

export const JOURNEYS: readonly Journey[] = [
	{
		mode: 'recruit',
		label: 'Recruit',
		blurb: 'Deep End groups: rank the practices in your footprint by your rule and see who to bring in.',
		sheetTitle: 'Recruit: practices ranked by your rule',
		codec: recruitCodec
	} satisfies Journey<'recruit'>,
	{
		mode: 'commission',
		label: 'Commission',
		blurb: 'ICBs and PCNs: find where GP provision falls short of need.',
		sheetTitle: 'Commission: provision against need',
		codec: commissionCodec
	} satisfies Journey<'commission'>,
	{
		mode: 'find',
		label: 'Find',
		blurb: 'Everyone: find your nearest Deep End network and GP practices from a postcode.',
		sheetTitle: 'Find: your network and nearest practices',
		codec: findCodec
	} satisfies Journey<'find'>
] as Journey[];

export function journeyFor(mode: string | null): Journey | null {
	return JOURNEYS.find((j) => j.mode === mode) ?? null;
}

export function codecFor<M extends JourneyMode>(mode: M): JourneyCodec<JourneyParams[M]> {
	return journeyFor(mode)!.codec as JourneyCodec<JourneyParams[M]>;
}
