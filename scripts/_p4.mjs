import { verwerkZaken } from '../dist/cli/zaken.js';
let t = Date.now();
const u = await verwerkZaken('/tmp/z1m.csv', 2025);
console.log('vth', Date.now() - t, u.gelezen, u.resultaat.totaalTijdig?.toString(), process.memoryUsage().rss / 1e6);
