import type { RxCollection } from 'rxdb';
import type { CollectionName } from '#shared/domain/vocab';
import type { DocTypes } from '#shared/schema/index';

export type YishiCollections = { [K in CollectionName]: RxCollection<DocTypes[K]> };
