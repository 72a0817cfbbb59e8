// Kept only so that run.ts (another worker's file) compiles until it imports SourceEntry from
// src/lib/domain/formats/sources; the fetch code itself is in scripts/fetch/. Delete after the merge.
export type { SourceEntry } from '../../src/lib/domain/formats/sources';
