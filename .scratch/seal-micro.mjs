import { createCipheriv, createSecretKey, randomBytes, webcrypto, createHmac } from 'node:crypto';
const key = createSecretKey(randomBytes(32));
const raw = randomBytes(32);
const N = 50000;
const plains = Array.from({ length: N }, (_, i) => JSON.stringify([`Order #${i}: Blender Pro 3000`, { order: String(i) }, 'orders']));
const aad = Buffer.from('cv1:0123456789abcdef:');
let pool = randomBytes(12 * N);
function gcm(k) { return plains.map((p, i) => { const iv = pool.subarray(i * 12, i * 12 + 12); const c = createCipheriv('aes-256-gcm', k, iv); c.setAAD(aad); const b = c.update(p, 'utf8'); return Buffer.concat([iv, b, c.final(), c.getAuthTag()]).toString('base64url'); }); }
function ctrBatch() { // one keystream for all
  const iv = randomBytes(16); const c = createCipheriv('aes-256-ctr', key, iv); const all = Buffer.from(plains.join('')); const out = c.update(all); c.final(); return out.length; }
function hmacEach() { return plains.map((p) => createHmac('sha256', key).update(p).digest('base64url')); }
async function subtle() { const k = await webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']); return Promise.all(plains.map((p, i) => webcrypto.subtle.encrypt({ name: 'AES-GCM', iv: pool.subarray(i * 12, i * 12 + 12), additionalData: aad }, k, Buffer.from(p)))); }
for (let r = 0; r < 3; r++) {
  for (const [n, f] of [['gcm KeyObject', () => gcm(key)], ['gcm raw', () => gcm(raw)], ['ctr batch', ctrBatch], ['hmac each', hmacEach], ['subtle', subtle]]) {
    const t0 = performance.now(); await f(); const us = ((performance.now() - t0) * 1000) / N; console.log(r, n, us.toFixed(2), 'µs/value');
  }
}
