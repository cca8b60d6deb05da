export type { ClientIpView } from '../../../src/domain/geo/resolve-client-ip.js';
export type { GeoDatabaseView } from '../../../src/domain/geo/describe-geo-database.js';
export type { GeoLookupView } from '../../../src/domain/geo/look-up-visitor.js';
export type { DatabaseUpdateView } from '../../../src/domain/geo/update-geo-database.js';
