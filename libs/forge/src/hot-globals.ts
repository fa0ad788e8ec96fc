// Module-level aliases of globals used in hot loops: inside Jest's sandbox every global lookup is slow (measured:
// the forge render tests take about twice as long without them). Import these instead of using the globals.
export const Math = globalThis.Math;
export const Float32Array = globalThis.Float32Array;
export const Float64Array = globalThis.Float64Array;
export const Uint8Array = globalThis.Uint8Array;
export const Int32Array = globalThis.Int32Array;
export const Uint32Array = globalThis.Uint32Array;
