// Typed views of a validated cell: readCsv has already checked each column's type and presence.
import type { Cell } from '../read';

export const str = (v: Cell) => v as string;
export const num = (v: Cell) => v as number;
export const optNum = (v: Cell) => (v === null ? null : (v as number));
