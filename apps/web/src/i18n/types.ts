/** Same keys as the Chinese original, each a text: a text missing in a translation does not compile. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
