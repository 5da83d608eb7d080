/** The authored questions' loader, under the name bench/load.ts and bench/echo-compare.ts import it by. */

export { loadDevSet } from './labelled-sets.js';
