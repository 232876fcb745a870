/**
 * Snapshot serializer: replaces asset hashes (64 hex chars, alone or in asset
 * file names) so template snapshots are stable across machines and a pull
 * request shows only real changes.
 */
const ASSET_HASH = /[0-9a-f]{64}/g;

module.exports = {
  test: (value: unknown) => typeof value === 'string' && /[0-9a-f]{64}/.test(value),
  serialize: (value: string) => JSON.stringify(value.replace(ASSET_HASH, '[ASSET HASH]')),
};
