// STUB (owned by the narrative work): checks an officer's own text against the tables.
import type { Finding } from '../findings';
import type { Detection } from '../tables/types';

export function checkNarrative(_text: string, _detection: Detection): Finding[] {
  return [];
}
