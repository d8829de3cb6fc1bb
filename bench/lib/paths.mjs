import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ lives directly under it). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
