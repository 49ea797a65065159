// Every test file's temporary folders are removed when the file is done: a full run made some 2.000
// of them, and a machine that runs the suite often filled its /tmp.
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { gemaakteMappen } from './helpers.js';

afterAll(() => {
  for (const map of gemaakteMappen.splice(0)) rmSync(map, { recursive: true, force: true });
});
