export const root: string;
export function ensureWebBuilt(say?: (line: string) => void): void;
