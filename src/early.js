// Reads the saved news while the WebAssembly loads; see early_reads() in src/persist.rs.
const CACHE_NAME = 'ban-tin-data-v1';
const ADDRESS_HEADER = 'x-ban-tin-address';
const SAVED_AT_HEADER = 'x-ban-tin-saved-at';

function read(response) {
  if (!response) return null;
  const address = response.headers.get(ADDRESS_HEADER);
  const savedAt = response.headers.get(SAVED_AT_HEADER);
  return response.arrayBuffer().then((body) => [address, savedAt, body]);
}

try {
  const key = (name) => `${document.baseURI}__ban-tin-data/${name}`;
  window.__banTinSaved = caches.open(CACHE_NAME)
    .then((cache) => Promise.all([cache.match(key('config')), cache.match(key('feed'))]))
    .then((found) => Promise.all(found.map(read)))
    .catch(() => null);
} catch {
  // No Cache API (an insecure origin, a refusing browser): the app does without.
}
