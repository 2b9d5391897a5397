import type { Page } from 'playwright-core';

/**
 * For tests and benches that write records straight into the app's IndexedDB: puts
 * `window.talktrackSign(record)` in the page, which signs a record as the app does (HMAC-SHA256
 * of its canonical JSON, src/shared/recordSignature.ts) with the signed-in person's key, read from
 * the app's own IndexedDB, and answers the entry's `sig`. Added as a script (the app's CSP must be
 * bypassed, as for the Dexie script these callers add).
 */
export async function addPageSigner(page: Page): Promise<void> {
  await page.addScriptTag({
    content: `
      window.talktrackSign = async (record) => {
        const canonical = (value) => {
          if (value === null || typeof value !== 'object') return JSON.stringify(value);
          if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
          const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonical(v)).join(',') + '}';
        };
        const meta = await new Promise((resolve, reject) => {
          const open = indexedDB.open('talktrack');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('signedIn');
            get.onerror = () => reject(get.error);
            get.onsuccess = () => { open.result.close(); resolve(get.result); };
          };
        });
        const key = meta && meta.value && meta.value.signingKey;
        if (!key) throw new Error('nobody is signed in with a signing key on this tablet');
        const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key.key, new TextEncoder().encode(canonical(record))));
        return { keyId: key.id, mac: btoa(String.fromCharCode(...mac)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '') };
      };
    `,
  });
}

/** The page's signer, as typed for page.evaluate callbacks. */
export type PageSign = (record: unknown) => Promise<{ keyId: string; mac: string }>;
