// Where things are, and the sample feed as the tests read it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build the tests run against (scripts/test.sh builds it first). */
export const dist = path.join(root, 'dist');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const sample = JSON.parse(fs.readFileSync(path.join(root, 'public', 'sample-feed.json'), 'utf8'));
/** The sample feed's items in the order the list shows them. */
export const newestFirst = [...sample.items].sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published));
/** The article the product grew from (shared/seed), cleaned. */
export const SEED_ID = '2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023';
export const SEED_TITLE = 'Hội nghị triển khai nhiệm vụ năm 2023 ngành Lao động, Thương binh và Xã hội';
