import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the process time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, application_name: 'kcn-reporting' },
  };
}
