/** What a search text may name exactly, besides the full-text search (which covers no contacts). */
import type { SearchVariables } from './operations';

export const MIN_SEARCH_CHARS = 2;

export function searchVariables(raw: string, first: number): SearchVariables {
  const text = raw.trim();
  const digits = text.replace(/[\s().-]/g, '');
  const isPhone = /^\+?\d{7,15}$/.test(digits);
  const isEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
  const handle = /^([A-Za-z0-9._-]{1,40})\s*[:/]\s*@?([A-Za-z0-9._-]{1,64})$/.exec(text);
  const isHandle = !!handle && !isEmail && !/^https?$/i.test(handle[1]!);
  const idShape = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,79}$/.test(text) && /\d/.test(text) && /[A-Za-z]/.test(text) && /[-_.]/.test(text);
  return {
    text,
    first,
    types: null,
    isPhone,
    phone: isPhone ? text : '',
    isEmail,
    email: isEmail ? text.toLowerCase() : '',
    isHandle,
    platform: isHandle ? handle![1]!.toLowerCase() : '',
    handle: isHandle ? handle![2]!.toLowerCase() : '',
    isCaseNumber: idShape && !isEmail,
    caseNumber: idShape ? text.toUpperCase() : '',
    isAdId: idShape && !isEmail,
    adId: idShape ? text : '',
  };
}
