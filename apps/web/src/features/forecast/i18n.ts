import type { SameKeys } from '../../i18n/types';

/**
 * This feature's texts, under the key "forecast." (t('forecast.…')). Chinese is the original; English must have
 * the same keys (the type checks it). Server messages are not here: they come by key from
 * packages/shared/src/messages.ts.
 */
export const zh = {};

export const en: SameKeys<typeof zh> = {};
